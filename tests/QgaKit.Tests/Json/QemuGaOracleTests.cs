using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace QgaKit.Tests.Json;

/// <summary>
/// The same bytes go to the installed qemu-ga and to our parser; qemu-ga's reply lines must match ours
/// (parse errors byte for byte, echoed ids as JSON values). Skipped where qemu-ga is not installed.
/// </summary>
public class QemuGaOracleTests
{
    [SkippableFact]
    public void Every_transcript_matches_the_real_qemu_ga()
    {
        Skip.IfNot(QemuGaProcess.IsInstalled, "qemu-ga is not installed at " + QemuGaProcess.Binary);
        var stream = new MemoryStream();
        int id = 900_000;
        foreach (var t in QemuTranscripts.All)
        {
            // 0xFF ends whatever the transcript left open, the sync shows where the next one starts.
            stream.Write(t.Input);
            stream.WriteByte(0xFF);
            stream.Write(QemuGaProcess.SyncRequest(++id));
            stream.WriteByte((byte)'\n');
        }

        AssertSameAsQemuGa(stream.ToArray(), id);
    }

    [SkippableFact]
    public void Random_streams_match_the_real_qemu_ga()
    {
        Skip.IfNot(QemuGaProcess.IsInstalled, "qemu-ga is not installed at " + QemuGaProcess.Binary);
        var random = new Random(20261126);
        var stream = new MemoryStream();
        int id = 700_000;
        for (int i = 0; i < 1500; i++)
        {
            stream.Write(RandomJsonStream.Case(random));
            if (random.Next(3) == 0)
            {
                stream.WriteByte(0xFF);
                stream.Write(QemuGaProcess.SyncRequest(++id));
            }
        }

        stream.WriteByte(0xFF);
        stream.Write(QemuGaProcess.SyncRequest(++id));
        stream.WriteByte((byte)'\n');
        AssertSameAsQemuGa(stream.ToArray(), id);
    }

    private static void AssertSameAsQemuGa(byte[] bytes, int lastId)
    {
        List<byte[]> qemu;
        using (var agent = new QemuGaProcess())
        {
            qemu = agent.SendUntil(bytes, QemuGaProcess.SyncReply(lastId));
        }

        foreach (int chunk in new[] { 4096, 1, 13 })
        {
            var ours = QemuGaReplies.For(bytes, chunk);
            for (int i = 0; i < Math.Min(qemu.Count, ours.Count); i++)
            {
                Assert.True(QemuGaReplies.Same(qemu[i], ours[i]),
                    $"reply {i} (chunk {chunk}): qemu-ga {Encoding.UTF8.GetString(qemu[i])} ours {(ours[i] is null ? "<any non-parse-error reply>" : Encoding.UTF8.GetString(ours[i]!))}");
            }

            Assert.Equal(qemu.Count, ours.Count);
        }
    }
}
