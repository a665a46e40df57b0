package se.portvakt.sfu.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecordQueueTransportTest {

    private final List<byte[]> sent = new ArrayList<>();
    private final DtlsStats stats = new DtlsStats();
    private final RecordQueueTransport transport = new RecordQueueTransport(sent::add, stats);

    @Test
    void deliversOfferedDatagramsInOrder() throws IOException {
        transport.offer(new byte[] {22, 1});
        transport.offer(new byte[] {22, 2, 3});
        byte[] buf = new byte[10];

        assertThat(transport.receive(buf, 1, 9, 0)).isEqualTo(2);
        assertThat(buf[2]).isEqualTo((byte) 1);
        assertThat(transport.receive(buf, 0, 10, 0)).isEqualTo(3);
    }

    @Test
    void returnsMinusOneWhenNothingArrivesInTime() throws IOException {
        long start = System.nanoTime();

        assertThat(transport.receive(new byte[10], 0, 10, 50)).isEqualTo(-1);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(45));
    }

    @Test
    void cutsADatagramLongerThanTheBuffer() throws IOException {
        transport.offer(new byte[2000]);

        assertThat(transport.receive(new byte[1500], 0, 1500, 0)).isEqualTo(1500);
    }

    @Test
    void dropsAndCountsWhenTheQueueIsFull() {
        for (int i = 0; i < RecordQueueTransport.QUEUE_CAPACITY; i++) {
            assertThat(transport.offer(new byte[] {22})).isTrue();
        }

        assertThat(transport.offer(new byte[] {22})).isFalse();
        assertThat(stats.datagramsDropped()).isEqualTo(1);
    }

    @Test
    void sendsACopyOfTheGivenRange() throws IOException {
        byte[] buf = {0, 1, 2, 3};
        transport.send(buf, 1, 2);
        buf[1] = 9;

        assertThat(sent).containsExactly(new byte[] {1, 2});
        assertThat(transport.getSendLimit()).isEqualTo(1200);
    }

    @Test
    void closeWakesAWaitingReceiveAndRefusesMore() throws Exception {
        CompletableFuture<Throwable> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                transport.receive(new byte[10], 0, 10, 10_000);
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(50);

        transport.close();

        assertThat(waiting.get(2, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(transport.offer(new byte[] {22})).isFalse();
        assertThatThrownBy(() -> transport.send(new byte[1], 0, 1)).isInstanceOf(IOException.class);
    }
}
