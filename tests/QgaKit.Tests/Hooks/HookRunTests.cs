using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using QgaKit.Hooks;
using QgaKit.Logging;
using Xunit;

namespace QgaKit.Tests.Hooks;

/// <summary>qemu-ga 7.2's hook behaviour: argv, log line, exit status texts, access() and exec errors.</summary>
[SupportedOSPlatform("linux")]
public sealed class HookRunTests : HookFixture
{
    [Fact]
    public void Successful_hook_gets_path_and_argument_and_is_logged()
    {
        string path = Hook($"printf '%s|%s|%s' \"$0\" \"$1\" \"$#\" > '{Out()}'");
        Host().Run(Fsfreeze, "freeze");
        Assert.Equal($"{path}|freeze|1", ReadOut());
        Assert.Equal(new[] { (LogLevel.Info, "executing fsfreeze hook with arg 'freeze'") }, Log);
    }

    [Fact]
    public void Nonzero_exit_is_failed_with_status()
    {
        Hook("exit 3");
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "thaw"));
        Assert.Equal("fsfreeze hook has failed with status 3", e.Message);
        Assert.Equal(QgaErrorClass.GenericError, e.ErrorClass);
    }

    [Fact]
    public void Exit_255_is_reported_exactly()
    {
        Hook("exit 255");
        Assert.Equal("fsfreeze hook has failed with status 255", Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze")).Message);
    }

    [Theory]
    [InlineData("KILL")]
    [InlineData("TERM")]
    [InlineData("SEGV")]
    public void Death_by_signal_is_terminated_abnormally(string signal)
    {
        Hook($"kill -{signal} $$; sleep 5");
        Assert.Equal("fsfreeze hook has terminated abnormally", Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze")).Message);
    }

    [Fact]
    public void Not_executable_is_cant_access_permission_denied()
    {
        string path = Hook("exit 0", mode: "644");
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"can't access fsfreeze hook '{path}': Permission denied", e.Message);
        Assert.Empty(Log); // qemu-ga logs "executing" only after access() passed
    }

    [Fact]
    public void Missing_is_cant_access_no_such_file()
    {
        string path = Scratch.PathOf("missing-hook");
        Options.HookPaths["fsfreeze"] = path;
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "thaw"));
        Assert.Equal($"can't access fsfreeze hook '{path}': No such file or directory", e.Message);
    }

    [Fact]
    public void Empty_path_is_cant_access_no_such_file()
    {
        Options.HookPaths["fsfreeze"] = "";
        Assert.Equal("can't access fsfreeze hook '': No such file or directory", Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze")).Message);
    }

    [Fact]
    public void Script_without_shebang_is_failed_to_execute_exec_format_error()
    {
        string path = Scratch.Write("noshebang", "exit 4\n", "755");
        Options.HookPaths["fsfreeze"] = path;
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"failed to execute fsfreeze hook '{path}': Exec format error", e.Message);
    }

    [Fact]
    public void Hook_open_for_writing_is_retried_then_text_file_busy()
    {
        string path = Hook("exit 0");
        using (File.Open(path, FileMode.Open, FileAccess.Write))
        {
            var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
            Assert.Equal($"failed to execute fsfreeze hook '{path}': Text file busy", e.Message);
        }

        Host().Run(Fsfreeze, "freeze");
    }

    [Fact]
    public void Directory_as_hook_is_cant_access_or_untrusted()
    {
        string dir = Scratch.PathOf("adir");
        Directory.CreateDirectory(dir);
        Options.HookPaths["fsfreeze"] = dir;
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"fsfreeze hook '{dir}' is not trusted: the file is not a regular file", e.Message);
        Options.HookAllowUntrusted = true;
        e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"failed to execute fsfreeze hook '{dir}': Permission denied", e.Message);
    }

    [Fact]
    public void Disabled_hook_runs_nothing_checks_nothing_logs_nothing()
    {
        var host = Host();
        host.Run(Fsfreeze, "freeze");
        Assert.True(host.RunAsync(Fsfreeze, "thaw", default).IsCompletedSuccessfully);
        Assert.Null(host.GetPath(Fsfreeze));
        Assert.Empty(Log);
    }

    [Fact]
    public async System.Threading.Tasks.Task Hook_base_runs_through_the_host()
    {
        string path = Hook($"echo \"$1\" >> '{Out()}'");
        var hook = new TestHook(Fsfreeze, Host());
        Assert.Equal(path, hook.Path);
        hook.Invoke("freeze");
        await hook.InvokeAsync("thaw");
        Assert.Equal("freeze\nthaw\n", ReadOut());
    }

    [Fact]
    public async System.Threading.Tasks.Task Async_run_reports_the_same_texts()
    {
        Hook("exit 7");
        var e = await Assert.ThrowsAsync<QgaException>(() => Host().RunAsync(Fsfreeze, "freeze", default));
        Assert.Equal("fsfreeze hook has failed with status 7", e.Message);
    }

    [Fact]
    public async System.Threading.Tasks.Task Many_async_runs_at_once_all_complete()
    {
        Hook("sleep 0.2; exit $1");
        var host = Host();
        var runs = Enumerable.Range(0, 24).Select(i => host.RunAsync(Fsfreeze, (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture), default)).ToArray();
        for (int i = 0; i < runs.Length; i++)
        {
            if (i % 3 == 0)
            {
                await runs[i];
            }
            else
            {
                var e = await Assert.ThrowsAsync<QgaException>(() => runs[i]);
                Assert.Equal($"fsfreeze hook has failed with status {i % 3}", e.Message);
            }
        }
    }

    private sealed class TestHook : HookBase
    {
        public TestHook(HookDefinition definition, HookHost host)
            : base(definition, host)
        {
        }

        public void Invoke(string argument) => Run(argument);

        public System.Threading.Tasks.Task InvokeAsync(string argument) => RunAsync(argument, default);
    }
}
