package io.werkbridge.machine.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.machine.opcua.OpcUaPersonalNodes.NodeMetadata;
import org.junit.jupiter.api.Test;

/** Which node metadata marks a node as about a person (names from the companion specifications, no server). */
class OpcUaPersonalNodesTest {

    @Test
    void companionSpecificationPersonTypesMakeANodePersonal() {
        // OPC 40083 UserType: Users/User_1 with properties Id, Name, CardUid, ...
        assertThat(OpcUaPersonalNodes.personal(new NodeMetadata("Name", "PropertyType", "String", "User_1", "UserType")))
                .isEqualTo("it belongs to an object of type UserType");
        assertThat(OpcUaPersonalNodes.personal(new NodeMetadata("User_1", "UserType", null, "Users", "UsersType")))
                .isEqualTo("its type is UserType, it belongs to an object of type UsersType");
        assertThat(OpcUaPersonalNodes.personal(new NodeMetadata("Crew", "BaseDataVariableType", "ISA95PersonnelDataType", "Job", "FolderType")))
                .isEqualTo("its data type is ISA95PersonnelDataType");
        assertThat(OpcUaPersonalNodes.personal(new NodeMetadata("ClientUserIdOfSession", "BaseDataVariableType", "String",
                "SessionSecurityDiagnostics", "SessionSecurityDiagnosticsType")))
                .isEqualTo("its BrowseName ClientUserIdOfSession is a user identity");
    }

    @Test
    void personWordsInTheNodeOrItsParentAreEnoughWithoutACompanionType() {
        assertThat(OpcUaPersonalNodes.personal(new NodeMetadata("Id", "BaseDataVariableType", "String", "Operator", "BaseObjectType")))
                .isEqualTo("its BrowseName or its parent's names a person");
        assertThat(OpcUaPersonalNodes.denotesPerson("SetupTechnicianName")).isTrue();
        assertThat(OpcUaPersonalNodes.denotesPerson("LoggedInUser")).isTrue();
        assertThat(OpcUaPersonalNodes.denotesPerson("current_operator")).isTrue();
        assertThat(OpcUaPersonalNodes.denotesPerson("Username")).isTrue();
        assertThat(OpcUaPersonalNodes.denotesPerson("Personnel")).isTrue();
        // machine words that only look alike
        assertThat(OpcUaPersonalNodes.denotesPerson("Operations")).isFalse();
        assertThat(OpcUaPersonalNodes.denotesPerson("OperationMode")).isFalse();
        assertThat(OpcUaPersonalNodes.denotesPerson("MachineOperationMode")).isFalse();
        assertThat(OpcUaPersonalNodes.personal(new NodeMetadata("PartCount", "BaseDataVariableType", "UInt32", "Production", "ProductionType")))
                .isNull();
        assertThat(OpcUaPersonalNodes.personal(new NodeMetadata(null, null, null, null, null))).isNull();
    }
}
