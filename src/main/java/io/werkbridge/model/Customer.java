package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** Canonical customer master data (DESIGN §4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(
        String customerNumber,
        Company company,
        List<Contact> contacts,
        List<BankAccount> bankAccounts,
        String paymentTerms,
        Contract contract,
        String remarks) {

    public Customer {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        bankAccounts = bankAccounts == null ? List.of() : List.copyOf(bankAccounts);
    }

    /** The customer as a party: a company, or a natural person such as a sole trader (see {@link PartyKind}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Company(PartyKind kind, String name, String vatId, Address address) {
        public Company {
            kind = PartyKind.orUnknown(kind);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(@PersonalData String id, @PersonalData String title, @PersonalData String firstName,
                          @PersonalData String lastName, @PersonalData String email, @PersonalData String phone,
                          @PersonalData String function, @PersonalData Boolean representationAuthority,
                          @PersonalData Address businessAddress) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BankAccount(String iban, String bic, String holder) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contract(String number, LocalDate start, LocalDate end) {
    }
}
