package io.werkbridge.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.filter.Filter;
import org.apache.activemq.artemis.core.persistence.impl.journal.AbstractJournalStorageManager;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.reader.TextMessageUtil;
import org.apache.activemq.artemis.selector.filter.Filterable;
import org.apache.activemq.artemis.utils.collections.LinkedListIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the messages an erasure concerns from the embedded broker and compacts its journal, so the erased values
 * are no longer in any file under the broker's data directory. A removed message's record stays in the journal file
 * it was written to until that file is compacted: compaction copies only live records into new files, and the old
 * files are then deleted (the broker's pool keeps no more files than {@code journal-min-files}, see
 * {@link #configure}), so nothing of them is reused with old content in it.
 */
public final class BrokerErasure {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerErasure.class);
    private static final int COMPACT_TIMEOUT_SECONDS = 120;
    private final ActiveMQServer server;

    public BrokerErasure(ActiveMQServer server) {
        this.server = server;
    }

    /**
     * Keeps the journal's pool of free files at its minimum, so a file compaction frees is deleted instead of being
     * kept with its old records for reuse (a reused file's header is rewritten, its content is not).
     */
    public static void configure(org.apache.activemq.artemis.core.config.Configuration config) {
        config.setJournalPoolFiles(config.getJournalMinFiles());
    }

    /**
     * Deletes every message on every queue (waiting for a destination, held, dead-lettered, inbound) whose text body
     * {@code about} matches, then compacts the journal. Messages a consumer has in flight are delivered through the
     * gate as usual; they are not on the queue to be deleted.
     *
     * @return how many messages were deleted
     */
    public int eraseMatching(Predicate<String> about) {
        List<QueueBinding> queues = server.getPostOffice().getAllBindings()
                .filter(QueueBinding.class::isInstance).map(QueueBinding.class::cast).toList();
        int removed = 0;
        for (QueueBinding binding : queues) {
            removed += erase(binding.getQueue(), about);
        }
        compact();
        return removed;
    }

    /** How many messages on the broker's queues match, without changing anything (for checks and dry runs). */
    public int countMatching(Predicate<String> about) {
        return server.getPostOffice().getAllBindings().filter(QueueBinding.class::isInstance).map(QueueBinding.class::cast)
                .mapToInt(binding -> matching(binding.getQueue(), about).size()).sum();
    }

    private static List<Long> matching(Queue queue, Predicate<String> about) {
        List<Long> matching = new ArrayList<>();
        try (LinkedListIterator<MessageReference> references = queue.browserIterator()) {
            while (references.hasNext()) {
                Message message = references.next().getMessage();
                String text = text(message);
                if (text != null && about.test(text)) {
                    matching.add(message.getMessageID());
                }
            }
        }
        return matching;
    }

    private static int erase(Queue queue, Predicate<String> about) {
        List<Long> matching = matching(queue, about);
        if (matching.isEmpty()) {
            return 0;
        }
        // deleteMatchingReferences also walks the queue's paged messages, which deleteReference(id) never finds: under a
        // backlog the broker pages, and a held message about the subject would stay on disk
        try {
            return queue.deleteMatchingReferences(Integer.MAX_VALUE, new MessageIds(Set.copyOf(matching)), AckReason.KILLED);
        } catch (Exception e) {
            throw new IllegalStateException("could not delete a message about an erased subject from queue " + queue.getName(), e);
        }
    }

    /** A broker filter that matches messages by their ids. */
    private record MessageIds(Set<Long> ids) implements Filter {
        @Override
        public boolean match(Message message) {
            return ids.contains(message.getMessageID());
        }

        @Override
        public boolean match(Map<String, String> map) {
            return false;
        }

        @Override
        public boolean match(Filterable filterable) {
            return false;
        }

        @Override
        public SimpleString getFilterString() {
            return SimpleString.of("werkbridge erasure: " + ids.size() + " message ids");
        }
    }

    private static String text(Message message) {
        if (message.getType() != Message.TEXT_TYPE) {
            return null;
        }
        SimpleString body = TextMessageUtil.readBodyText(message.toCore().getReadOnlyBodyBuffer());
        return body == null ? null : body.toString();
    }

    /** Compacts the message journal now, whatever {@code journal-compact-min-files} and {@code -percentage} say. */
    public void compact() {
        if (!(server.getStorageManager() instanceof AbstractJournalStorageManager storage)) {
            return; // not persistent: nothing on disk
        }
        try {
            // the file being appended to is never compacted: close it first, so the removed messages' records are in
            // files the compaction rewrites
            // twice: the deletes' own records may still be pending in the first pass, which then keeps the records
            // they delete; the second pass sees them settled (measured: one pass left the values in a file)
            for (int pass = 0; pass < 2; pass++) {
                storage.getMessageJournal().forceMoveNextFile();
                storage.getMessageJournal().scheduleCompactAndBlock(COMPACT_TIMEOUT_SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the broker journal could not be compacted after an erasure; it is retried with the task", e);
        }
        LOG.info("broker journal compacted after an erasure");
    }
}
