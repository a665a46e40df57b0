/**
 * Portvakt's selective forwarding unit: ICE-lite, DTLS-SRTP and RTP/RTCP forwarding on one UDP port.
 * Plain Java with no Spring in the packet path; see docs/sfu.md for what exists so far.
 */
package se.portvakt.sfu;
