/**
 * The equipment test at {@code /testa} (no login): camera, microphone and speaker checked in the browser, and the
 * network checked through a real connection to Portvakt's SFU in an echo session that returns the tester's own
 * stream and reaches nobody else (docs/equipment-test.md).
 */
package se.portvakt.equipment;
