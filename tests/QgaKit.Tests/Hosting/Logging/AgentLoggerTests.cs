using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using QgaKit.Logging;
using Xunit;

namespace QgaKit.Tests.Hosting.Logging;

public sealed class AgentLoggerTests : IDisposable
{
    private static readonly DateTime Noon = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-log-").FullName;

    private static AgentLogger ToWriter(StringWriter writer, bool verbose = false, bool journal = false, string? file = null) =>
        new(verbose, file, writer, () => Noon.AddTicks(51230), journal);

    [Fact]
    public void Lines_have_qemu_gas_format_with_six_digit_microseconds()
    {
        var stderr = new StringWriter();
        using var logger = ToWriter(stderr);
        logger.Error("boom");
        Assert.Equal($"{new DateTimeOffset(Noon).ToUnixTimeSeconds()}.005123: error: boom\n", stderr.ToString());
    }

    [Fact]
    public void Only_error_and_critical_are_written_unless_verbose()
    {
        var stderr = new StringWriter();
        using var logger = ToWriter(stderr);
        foreach (var level in Enum.GetValues<LogLevel>())
        {
            logger.Log(level, "x");
        }

        Assert.Equal(new[] { "error", "critical" }, Levels(stderr));
        Assert.False(logger.IsEnabled(LogLevel.Warning));

        logger.Verbose = true;
        stderr.GetStringBuilder().Clear();
        foreach (var level in Enum.GetValues<LogLevel>())
        {
            logger.Log(level, "x");
        }

        Assert.Equal(new[] { "error", "critical", "warning", "message", "info", "debug" }, Levels(stderr));
    }

    [Fact]
    public void Held_lines_are_written_after_release_in_order()
    {
        var stderr = new StringWriter();
        using var logger = ToWriter(stderr, verbose: true);
        logger.Info("before");
        logger.Hold();
        Assert.True(logger.IsHolding);
        logger.Info("while frozen 1");
        logger.Warning("while frozen 2");
        Assert.DoesNotContain("frozen", stderr.ToString(), StringComparison.Ordinal);
        logger.Release();
        logger.Info("after");
        Assert.Equal(new[] { "before", "while frozen 1", "while frozen 2", "after" }, Messages(stderr));
        Assert.False(logger.IsHolding);
    }

    [Fact]
    public void Holding_is_bounded_and_counts_what_it_dropped()
    {
        var stderr = new StringWriter();
        using var logger = ToWriter(stderr);
        logger.Hold();
        for (var i = 0; i < AgentLogger.MaxHeldLines + 10; i++)
        {
            logger.Error("line " + i);
        }

        logger.Release();
        var messages = Messages(stderr);
        Assert.Equal(AgentLogger.MaxHeldLines + 1, messages.Length);
        Assert.StartsWith("10 log lines were dropped while filesystems were frozen", messages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Log_file_is_appended_and_opened_only_when_a_line_is_written()
    {
        var path = Path.Combine(_directory, "qga.log");
        File.WriteAllText(path, "old\n");
        var stderr = new StringWriter();
        using (var logger = ToWriter(stderr, file: path))
        {
            logger.Hold();
            logger.Error("held");
            File.Delete(path);
            Assert.False(File.Exists(path));
            logger.Release();
            logger.Critical("direct");
        }

        Assert.Equal(new[] { "held", "direct" }, File.ReadAllLines(path).Select(l => l.Split(": ", 3)[2]));
        Assert.Equal("", stderr.ToString());

        using (var logger = ToWriter(stderr, file: path))
        {
            logger.Error("again");
        }

        Assert.Equal(3, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void A_log_file_that_cannot_be_opened_gives_qemu_gas_message_and_falls_back_to_stderr()
    {
        var stderr = new StringWriter();
        using var logger = ToWriter(stderr, file: Path.Combine(_directory, "no", "such", "dir.log"));
        Assert.False(logger.TryOpenLogFile(out var error));
        Assert.Equal("unable to open specified log file: No such file or directory", error);
        logger.Error("still logged");
        Assert.Equal(new[] { "still logged" }, Messages(stderr));
    }

    [Fact]
    public void Journal_lines_carry_syslog_priorities()
    {
        var stderr = new StringWriter();
        using var logger = ToWriter(stderr, verbose: true, journal: true);
        logger.Error("e");
        logger.Critical("c");
        logger.Warning("w");
        logger.Message("m");
        logger.Info("i");
        logger.Debug("d");
        Assert.Equal(new[] { "<3>", "<4>", "<4>", "<5>", "<6>", "<7>" }, stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..3]));
    }

    [Fact]
    public void Journal_stream_counts_only_when_it_is_stderr()
    {
        Assert.True(JournalStream.TryParse("8:12345", out var device, out var inode));
        Assert.Equal((8UL, 12345UL), (device, inode));
        Assert.False(JournalStream.TryParse("garbage", out _, out _));
        Assert.False(JournalStream.IsStderr(null));
        Assert.False(JournalStream.IsStderr("0:1"));
    }

    [Fact]
    public void Logging_from_many_threads_loses_and_tears_no_line()
    {
        var stderr = new StringWriter();
        using var logger = ToWriter(stderr);
        Parallel.For(0, 8, t =>
        {
            for (var i = 0; i < 500; i++)
            {
                if (i == 100 && t == 0)
                {
                    logger.Hold();
                }

                if (i == 300 && t == 0)
                {
                    logger.Release();
                }

                logger.Error($"t{t} {i}");
            }
        });
        logger.Release();
        var messages = Messages(stderr);
        Assert.Equal(8 * 500, messages.Length);
        Assert.All(messages, m => Assert.Matches("^t[0-7] [0-9]+$", m));
    }

    public void Dispose() => Directory.Delete(_directory, true);

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Levels(StringWriter writer) => Lines(writer).Select(l => l.Split(": ", 3)[1]).ToArray();

    private static string[] Messages(StringWriter writer) => Lines(writer).Select(l => l.Split(": ", 3)[2]).ToArray();
}
