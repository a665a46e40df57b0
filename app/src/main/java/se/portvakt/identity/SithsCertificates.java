package se.portvakt.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Judges a presented SITHS certificate: PKIX path validation (java.security.cert) up to one of the configured CAs,
 * at the application clock's time, revocation asked only when configured; and reads the HSA-id from it.
 */
final class SithsCertificates {

    /** X.500 serialNumber, where SITHS puts the HSA-id (e.g. SE2321000016-1003). */
    static final String SERIAL_NUMBER_OID = "2.5.4.5";

    /** Why a certificate was not accepted. */
    enum Verdict {
        VALID,
        EXPIRED,
        NOT_YET_VALID,
        UNTRUSTED,
        REVOKED
    }

    private final Set<TrustAnchor> anchors;
    private final boolean checkRevocation;
    private final Clock clock;

    SithsCertificates(List<X509Certificate> cas, boolean checkRevocation, Clock clock) {
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("portvakt.siths.trusted-cas holds no certificate");
        }
        this.anchors = cas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toUnmodifiableSet());
        this.checkRevocation = checkRevocation;
        this.clock = clock;
    }

    static SithsCertificates from(SithsProperties properties, Clock clock) {
        return new SithsCertificates(read(properties.trustedCas()), properties.checkRevocation(), clock);
    }

    /** The certificates of a PEM file (portvakt.siths.trusted-cas). */
    static List<X509Certificate> read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("portvakt.siths.trusted-cas cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("portvakt.siths.trusted-cas is not a PEM file of certificates", e);
        }
    }

    /**
     * @param chain the presented certificate first, then any intermediates the client sent (a proxy sends none)
     */
    Verdict verify(X509Certificate[] chain) {
        Set<X500Principal> anchorNames = anchors.stream()
                .map(anchor -> anchor.getTrustedCert().getSubjectX500Principal())
                .collect(Collectors.toSet());
        // a CA the client sent along is not part of the path when we trust it ourselves
        List<X509Certificate> path = Arrays.stream(chain).limit(1).toList();
        if (!anchorNames.contains(chain[0].getIssuerX500Principal())) {
            path = Arrays.stream(chain)
                    .filter(certificate ->
                            certificate == chain[0] || !anchorNames.contains(certificate.getSubjectX500Principal()))
                    .toList();
        }
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(clock.instant()));
            parameters.setRevocationEnabled(checkRevocation);
            if (checkRevocation) {
                parameters.addCertPathChecker((PKIXRevocationChecker) validator.getRevocationChecker());
            }
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return Verdict.VALID;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return Verdict.EXPIRED;
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return Verdict.NOT_YET_VALID;
            }
            return e.getReason() == CertPathValidatorException.BasicReason.REVOKED
                    ? Verdict.REVOKED
                    : Verdict.UNTRUSTED;
        } catch (GeneralSecurityException e) {
            return Verdict.UNTRUSTED;
        }
    }

    /** The HSA-id in the certificate subject's serialNumber attribute, if it has one. */
    static Optional<String> hsaId(X509Certificate certificate) {
        String subject = certificate
                .getSubjectX500Principal()
                .getName(X500Principal.RFC2253, Map.of(SERIAL_NUMBER_OID, "SERIALNUMBER"));
        try {
            return new LdapName(subject)
                    .getRdns().stream()
                            .filter(rdn -> rdn.getType().equalsIgnoreCase("SERIALNUMBER"))
                            .map(Rdn::getValue)
                            .map(Object::toString)
                            .map(String::strip)
                            .filter(value -> !value.isEmpty())
                            .findFirst();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
