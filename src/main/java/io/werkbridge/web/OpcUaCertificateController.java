package io.werkbridge.web;

import io.werkbridge.machine.opcua.OpcUaSecurity;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OPC UA trust decisions of an operator: the server certificates the hub rejected (a server's certificate is
 * rejected until trusted) and trusting one by its SHA-1 thumbprint. Moving the file from pki/rejected/ to
 * pki/trusted/certs/ does the same.
 */
@RestController
@RequestMapping("/api/v1/machines/opcua/certificates")
public class OpcUaCertificateController {

    private final OpcUaSecurity security;

    public OpcUaCertificateController(OpcUaSecurity security) {
        this.security = security;
    }

    @GetMapping("/rejected")
    public List<OpcUaSecurity.RejectedCertificate> rejected() {
        return security.rejected();
    }

    @PostMapping("/{thumbprint}/trust")
    public ResponseEntity<?> trust(@PathVariable String thumbprint) {
        if (!thumbprint.matches("[0-9A-Fa-f]{40}")) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-thumbprint",
                    "Invalid thumbprint", "a thumbprint is the certificate's SHA-1 as 40 hex digits"));
        }
        if (!security.trust(thumbprint)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND,
                    "unknown-certificate", "No such rejected certificate",
                    "no rejected server certificate has this thumbprint; GET .../certificates/rejected lists them"));
        }
        return ResponseEntity.ok(Map.of("trusted", thumbprint.toLowerCase(java.util.Locale.ROOT)));
    }
}
