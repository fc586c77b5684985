using System.Text;
using Distlog.Clef;
using Distlog.Collector.Clef;
using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Distlog.Collector.Journal;
using Distlog.Collector.Tests.Support;
using Serilog.Core;

namespace Distlog.Collector.Tests.Journal;

public sealed class EventJournalTests
{
    const int PerRecord = 10;

    [Test]
    public void EventsWrittenAndCommittedAreReadBackInOrderWithRisingIds()
    {
        using var folder = new TempFolder();
        using var journal = Open(folder);
        var first = WriteRecords(journal, 3);

        Assert.That(first, Is.EqualTo(1));
        Assert.That(journal.NextId, Is.EqualTo(1 + 3 * PerRecord));
        Assert.That(ReadAll(journal, 1), Is.EqualTo(Enumerable.Range(0, 3 * PerRecord)));
        Assert.That(ReadAll(journal, 1 + 15), Is.EqualTo(Enumerable.Range(15, 3 * PerRecord - 15)), "from the middle of a record");
    }

    [Test]
    public void WhatIsWrittenButNotCommittedIsNotRead()
    {
        using var folder = new TempFolder();
        using var journal = Open(folder);
        WriteRecords(journal, 1);
        journal.Write('P', Events(100, PerRecord), BatchId.None);

        Assert.That(ReadAll(journal, 1), Has.Count.EqualTo(PerRecord));
    }

    [Test]
    public void ATornRecordAtTheEndIsRemovedAndCountedWhenTheJournalOpensAgain()
    {
        using var folder = new TempFolder();
        using (var journal = Open(folder))
            WriteRecords(journal, 3);
        var segment = Segments(folder).Single();
        var whole = File.ReadAllBytes(segment);
        // A crash half way through the fourth record: its first bytes made it to the file.
        using (var journal = Open(folder))
            WriteRecords(journal, 1, start: 3 * PerRecord);
        var next = File.ReadAllBytes(Segments(folder).Last());
        File.Delete(Segments(folder).Last());
        var fourth = next.AsSpan(next.AsSpan().LastIndexOf("DLJ1"u8));
        File.WriteAllBytes(segment, [.. whole, .. fourth[..(fourth.Length / 2)]]);

        using var reopened = Open(folder);

        Assert.That(reopened.Counters.TornRecords, Is.EqualTo(1));
        Assert.That(new FileInfo(segment).Length, Is.EqualTo(whole.Length), "the torn tail is cut off");
        Assert.That(reopened.NextId, Is.EqualTo(1 + 3 * PerRecord));
        Assert.That(ReadAll(reopened, 1), Is.EqualTo(Enumerable.Range(0, 3 * PerRecord)));
        WriteRecords(reopened, 1, start: 3 * PerRecord);
        Assert.That(ReadAll(reopened, 1), Is.EqualTo(Enumerable.Range(0, 4 * PerRecord)), "writing goes on after it");
    }

    [Test]
    public void ARecordWithABadChecksumIsSkippedAndCountedAndTheRecordsAfterItAreRead()
    {
        using var folder = new TempFolder();
        using (var journal = Open(folder))
            WriteRecords(journal, 3);
        var segment = Segments(folder).Single();
        var bytes = File.ReadAllBytes(segment);
        // Flip a byte inside the second record's payload ("Event 1x" of its first line).
        var second = IndexOf(bytes, Encoding.UTF8.GetBytes("\"N\":" + PerRecord + ","));
        bytes[second + 2] ^= 0x20;
        File.WriteAllBytes(segment, bytes);

        using var reopened = Open(folder);
        var read = ReadAll(reopened, 1);

        Assert.That(read, Is.EqualTo(Enumerable.Range(0, PerRecord).Concat(Enumerable.Range(2 * PerRecord, PerRecord))));
        Assert.That(reopened.Counters.CorruptRecords, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void AResentBatchIsKnownAfterTheJournalOpensAgain()
    {
        using var folder = new TempFolder();
        var batch = new BatchId(UInt128.MaxValue / 3, Sequence: 7, LowestUnacknowledged: 5);
        using (var journal = Open(folder))
        {
            journal.Write('P', Events(0, 1), batch);
            Publish(journal);
            Assert.That(journal.Contains(batch), Is.True);
            Assert.That(journal.Contains(batch with { Sequence = 8 }), Is.False);
        }

        using var reopened = Open(folder);

        Assert.That(reopened.Contains(batch), Is.True, "from the newest segment's records");
        Assert.That(reopened.Contains(batch with { Sequence = 4 }), Is.True, "below the lowest unacknowledged: long acknowledged");
        Assert.That(reopened.Contains(batch with { Sequence = 8 }), Is.False);
    }

    [Test]
    public void ASegmentIsDeletedOnlyOnceEveryPluginsSavedCursorIsPastIt()
    {
        using var folder = new TempFolder();
        using var journal = Open(folder, segmentBytes: 64 * 1024);
        journal.CursorSaved("slow", 1);
        journal.CursorSaved("fast", 1);
        WriteRecords(journal, 400, lineBytes: 200);
        var segments = Segments(folder).Length;
        Assert.That(segments, Is.GreaterThan(3), "the records span several segments");

        journal.CursorSaved("fast", journal.NextId);
        Assert.That(Segments(folder), Has.Length.EqualTo(segments), "the slow plugin still needs them");

        journal.CursorSaved("slow", journal.NextId);
        Assert.That(Segments(folder), Has.Length.EqualTo(1), "only the segment being written is left");
        Assert.That(ReadAll(journal, journal.NextId), Is.Empty);
    }

    [Test]
    public void NoSegmentIsDeletedBeforeEveryExpectedPluginHasSavedItsCursor()
    {
        using var folder = new TempFolder();
        using var journal = Open(folder, segmentBytes: 64 * 1024);
        journal.ExpectPlugins(["file", "sqlite"]);
        WriteRecords(journal, 400, lineBytes: 200);
        var segments = Segments(folder).Length;

        // The file plugin starts first, up to date; the sqlite plugin, still behind, has not started yet.
        journal.CursorSaved("file", journal.NextId);
        Assert.That(Segments(folder), Has.Length.EqualTo(segments), "the sqlite plugin may still need them");

        journal.CursorSaved("sqlite", 1);
        Assert.That(Segments(folder), Has.Length.EqualTo(segments));
        journal.CursorSaved("sqlite", journal.NextId);
        Assert.That(Segments(folder), Has.Length.EqualTo(1));
    }

    [Test]
    public void AFullJournalMakesTheWriterWaitUntilInterrupted()
    {
        using var folder = new TempFolder();
        using var journal = Open(folder, maxBytes: 1024 * 1024);
        journal.CursorSaved("stuck", 1);
        var written = 0L;
        var writer = new Thread(() =>
        {
            while (journal.Write('P', Events(0, PerRecord, lineBytes: 1000), BatchId.None) >= 0)
            {
                Publish(journal);
                Interlocked.Increment(ref written);
            }
        });
        writer.Start();
        Assert.That(Eventually.Holds(() => journal.Counters.FullWaits == 1), Is.True, "the writer waits for room");
        var before = Interlocked.Read(ref written);
        Assert.That(journal.Bytes, Is.LessThanOrEqualTo(1024 * 1024));

        journal.Interrupt();
        Assert.That(writer.Join(TimeSpan.FromSeconds(30)), Is.True, "an interrupted wait ends");
        Assert.That(Interlocked.Read(ref written), Is.EqualTo(before));
    }

    [Test]
    public void AFullJournalGoesOnOnceTheSlowestPluginMovesOn()
    {
        using var folder = new TempFolder();
        using var journal = Open(folder, maxBytes: 1024 * 1024);
        journal.CursorSaved("slow", 1);
        var done = new ManualResetEventSlim();
        var writer = new Thread(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                journal.Write('P', Events(i * PerRecord, PerRecord, lineBytes: 1000), BatchId.None);
                Publish(journal);
            }
            done.Set();
        });
        writer.Start();
        Assert.That(Eventually.Holds(() => journal.Counters.FullWaits >= 1), Is.True);

        while (!done.Wait(50))
            journal.CursorSaved("slow", journal.NextId);

        Assert.That(journal.NextId, Is.EqualTo(1 + 400 * PerRecord));
        Assert.That(journal.Bytes, Is.LessThanOrEqualTo(1024 * 1024));
    }

    static void Publish(EventJournal journal)
    {
        journal.Flush();
        lock (journal.Sync)
            journal.Commit();
    }

    static EventJournal Open(TempFolder folder, long maxBytes = JournalSettings.DefaultMaxBytes, long segmentBytes = JournalSettings.DefaultSegmentBytes) =>
        EventJournal.Open(new JournalSettings(folder.Combine("journal"), maxBytes, JournalFsync.Never, segmentBytes), Logger.None);

    static long WriteRecords(EventJournal journal, int records, int start = 0, int lineBytes = 0)
    {
        var first = -1L;
        for (var r = 0; r < records; r++)
        {
            var id = journal.Write('P', Events(start + r * PerRecord, PerRecord, lineBytes), BatchId.None);
            first = first < 0 ? id : first;
            Publish(journal);
        }
        return first;
    }

    static IngestedEvent[] Events(int start, int count, int lineBytes = 0) =>
        Enumerable.Range(start, count).Select(n =>
        {
            var line = Encoding.UTF8.GetBytes(Some.ClefLine(n, application: lineBytes > 0 ? new string('a', lineBytes) : "orders"));
            Assert.That(ClefScanner.TryScan(line, out var summary), Is.True);
            return new IngestedEvent(summary, 'P', line);
        }).ToArray();

    static List<int> ReadAll(EventJournal journal, long from)
    {
        using var reader = new JournalReader(journal, from);
        var events = new List<IngestedEvent>();
        var numbers = new List<int>();
        while (reader.TryRead(events))
        {
            foreach (var e in events)
            {
                Assert.That(e.Id, Is.EqualTo(from + numbers.Count + reader.Skipped));
                numbers.Add((int)System.Text.Json.Nodes.JsonNode.Parse(e.Clef.Span)!["N"]!);
            }
            events.Clear();
        }
        return numbers;
    }

    static string[] Segments(TempFolder folder) =>
        Directory.GetFiles(folder.Combine("journal"), "*" + JournalSegment.Extension).Order().ToArray();

    static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
