using System.IO;
using System.Runtime.Versioning;
using Xunit;

namespace QgaKit.Tests.Hooks;

/// <summary>Trusted hooks (on by default): owner root or the agent's user, no group/other write on the file or any
/// directory above it (sticky directories excepted); checked before access(); --hook-allow-untrusted turns it off.</summary>
[SupportedOSPlatform("linux")]
public sealed class HookTrustTests : HookFixture
{
    [Theory]
    [InlineData("775", "group")]
    [InlineData("757", "others")]
    [InlineData("777", "group and others")]
    public void Writable_file_is_not_trusted(string mode, string who)
    {
        string path = Hook($"touch '{Out()}'", mode);
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"fsfreeze hook '{path}' is not trusted: the file is writable by {who}", e.Message);
        Assert.False(File.Exists(Out()));
        Assert.Empty(Log);
    }

    [Fact]
    public void Trust_is_checked_before_access()
    {
        string path = Hook("exit 0", "664");
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"fsfreeze hook '{path}' is not trusted: the file is writable by group", e.Message);
    }

    [Fact]
    public void Allow_untrusted_runs_a_writable_hook()
    {
        Hook($"touch '{Out()}'", "777");
        Options.HookAllowUntrusted = true;
        Host().Run(Fsfreeze, "freeze");
        Assert.True(File.Exists(Out()));
    }

    [Theory]
    [InlineData("777", "group and others")]
    [InlineData("775", "group")]
    [InlineData("703", "others")]
    public void Writable_directory_above_is_not_trusted(string mode, string who)
    {
        string dir = Scratch.PathOf("open");
        Directory.CreateDirectory(dir);
        string path = Scratch.Write("open/hook.sh", "#!/bin/sh\nexit 0\n", "755");
        File.SetUnixFileMode(dir, (UnixFileMode)System.Convert.ToInt32(mode, 8));
        Options.HookPaths["fsfreeze"] = path;
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"fsfreeze hook '{path}' is not trusted: directory '{dir}' is writable by {who} and has no sticky bit", e.Message);
    }

    [Fact]
    public void Sticky_world_writable_directory_is_allowed()
    {
        string dir = Scratch.PathOf("sticky");
        Directory.CreateDirectory(dir);
        string path = Scratch.Write("sticky/hook.sh", $"#!/bin/sh\ntouch '{Out()}'\n", "755");
        File.SetUnixFileMode(dir, (UnixFileMode)System.Convert.ToInt32("1777", 8));
        Options.HookPaths["fsfreeze"] = path;
        Host().Run(Fsfreeze, "freeze");
        Assert.True(File.Exists(Out()));
    }

    [Fact]
    public void Symlink_into_an_untrusted_directory_is_not_trusted()
    {
        string dir = Scratch.PathOf("open");
        Directory.CreateDirectory(dir);
        string target = Scratch.Write("open/real-hook", "#!/bin/sh\nexit 0\n", "755");
        File.SetUnixFileMode(dir, (UnixFileMode)System.Convert.ToInt32("777", 8));
        string link = Scratch.PathOf("hook-link");
        File.CreateSymbolicLink(link, target);
        Options.HookPaths["fsfreeze"] = link;
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"fsfreeze hook '{link}' is not trusted: directory '{dir}' is writable by group and others and has no sticky bit", e.Message);
    }

    [SkippableFact]
    public void File_owned_by_another_user_is_not_trusted()
    {
        Skip.If(TestLibc.geteuid() != 0, "needs root to give the hook file another owner");
        string path = Hook("exit 0");
        Assert.Equal(0, TestLibc.chown(path, 65534, 65534));
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"fsfreeze hook '{path}' is not trusted: the file is owned by uid 65534, not by root", e.Message);
    }

    [SkippableFact]
    public void Directory_owned_by_another_user_is_not_trusted()
    {
        Skip.If(TestLibc.geteuid() != 0, "needs root to give the directory another owner");
        string dir = Scratch.PathOf("theirs");
        Directory.CreateDirectory(dir);
        string path = Scratch.Write("theirs/hook.sh", "#!/bin/sh\nexit 0\n", "755");
        Assert.Equal(0, TestLibc.chown(dir, 65534, 65534));
        Options.HookPaths["fsfreeze"] = path;
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal($"fsfreeze hook '{path}' is not trusted: directory '{dir}' is owned by uid 65534, not by root", e.Message);
    }
}
