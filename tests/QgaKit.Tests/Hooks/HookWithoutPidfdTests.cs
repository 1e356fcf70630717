using System.Runtime.Versioning;
using System.Threading.Tasks;
using QgaKit.Interop;
using Xunit;

namespace QgaKit.Tests.Hooks;

/// <summary>Linux before 5.3 has no pidfd: the runner polls waitpid(pid, WNOHANG) instead, with the same results.
/// The switch is process-wide: hook tests running in parallel meanwhile take the polling path too, which gives
/// them the same results.</summary>
[SupportedOSPlatform("linux")]
public sealed class HookWithoutPidfdTests : HookFixture
{
    public HookWithoutPidfdTests()
    {
        Wait.SimulateNoPidfd = true;
    }

    [Fact]
    public async Task Statuses_and_timeout_work_by_polling()
    {
        Hook("exit 3");
        Assert.Equal("fsfreeze hook has failed with status 3", Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze")).Message);
        Assert.Equal("fsfreeze hook has failed with status 3", (await Assert.ThrowsAsync<QgaException>(() => Host().RunAsync(Fsfreeze, "freeze", default))).Message);

        Options.HookTimeoutSeconds = 1;
        Options.HookLog = true;
        Hook("echo hi; sleep 60 & sleep 60");
        Assert.Equal("fsfreeze hook has timed out after 1 seconds", Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze")).Message);
        Assert.Equal("fsfreeze hook has timed out after 1 seconds", (await Assert.ThrowsAsync<QgaException>(() => Host().RunAsync(Fsfreeze, "freeze", default))).Message);
        Assert.Contains("fsfreeze hook: hi", LogTexts);
    }

    protected override void Dispose(bool disposing)
    {
        Wait.SimulateNoPidfd = false;
        base.Dispose(disposing);
    }
}
