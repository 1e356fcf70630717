using Xunit;
using static QgaKit.Tests.Json.ParserHarness;

namespace QgaKit.Tests.Json;

/// <summary>Every observed qemu-ga transcript, whole, split at every byte boundary, and one byte at a time.</summary>
public class TranscriptTests
{
    [Theory]
    [MemberData(nameof(QemuTranscripts.Cases), MemberType = typeof(QemuTranscripts))]
    public void Transcript_gives_qemu_ga_results(Transcript t)
    {
        Assert.Equal(t.Expected, Run(t.Input));
    }

    [Theory]
    [MemberData(nameof(QemuTranscripts.Cases), MemberType = typeof(QemuTranscripts))]
    public void Transcript_split_anywhere_gives_the_same_results(Transcript t)
    {
        int step = t.Input.Length > 512 ? 37 : 1;
        for (int split = 0; split <= t.Input.Length; split += step)
        {
            Assert.Equal(t.Expected, RunSplit(t.Input, split));
        }
    }

    [Theory]
    [MemberData(nameof(QemuTranscripts.Cases), MemberType = typeof(QemuTranscripts))]
    public void Transcript_fed_byte_by_byte_gives_the_same_results(Transcript t)
    {
        Assert.Equal(t.Expected, Run(t.Input, chunk: 1));
    }
}
