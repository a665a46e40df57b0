/**
 * DTLS 1.2 server for DTLS-SRTP (RFC 5764, RFC 8842): the SFU's certificate and its SDP fingerprint,
 * the handshake over records the socket loop hands in, the remote fingerprint check, and the SRTP
 * master keys exported from the handshake. Entry points: {@link se.portvakt.sfu.dtls.DtlsCertificate},
 * {@link se.portvakt.sfu.dtls.Fingerprint}, {@link se.portvakt.sfu.dtls.DtlsSession}.
 */
package se.portvakt.sfu.dtls;
