package se.portvakt.sfu.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SrtpKeysTest {

    @Test
    void dtlsMaterialIsSplitClientKeyServerKeyClientSaltServerSalt() {
        SrtpProfile p = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        byte[] material = new byte[p.keyingMaterialLength()];
        IntStream.range(0, material.length).forEach(i -> material[i] = (byte) i);
        SrtpKeys server = SrtpKeys.fromDtls(p, material, true);
        assertThat(server.localKey()[0]).isEqualTo((byte) 16);
        assertThat(server.remoteKey()[0]).isEqualTo((byte) 0);
        assertThat(server.remoteSalt()[0]).isEqualTo((byte) 32);
        assertThat(server.localSalt()[0]).isEqualTo((byte) 46);
        SrtpKeys client = SrtpKeys.fromDtls(p, material, false);
        assertThat(client.localKey()).isEqualTo(server.remoteKey());
        assertThat(client.localSalt()).isEqualTo(server.remoteSalt());
        assertThat(server.toString()).doesNotContain("16");
    }

    @Test
    void profilesMatchTheIanaRegistry() {
        assertThat(SrtpProfile.byId(0x0001)).contains(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
        assertThat(SrtpProfile.byId(0x0007)).contains(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProfile.byId(0x0002)).isEmpty();
        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_80.keyingMaterialLength()).isEqualTo(60);
        assertThat(SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength()).isEqualTo(56);
    }

    @Test
    void wrongLengthsAreRefused() {
        assertThatThrownBy(() -> SrtpKeys.fromDtls(SrtpProfile.AEAD_AES_128_GCM, new byte[60], true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrtpKeys(
                        SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[14], new byte[16], new byte[12]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
