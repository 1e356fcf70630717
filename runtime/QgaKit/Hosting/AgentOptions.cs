using System.Collections.Generic;

namespace QgaKit.Hosting;

// Filled by Hosting/CommandLine and Hosting/Config (config file first, then the command line); everything else only
// reads it.

/// <summary>The agent's configuration after the config file and the command line are merged (qemu-ga's GAConfig).</summary>
[AgentService]
public sealed class AgentOptions
{
    public bool Daemonize { get; set; }

    /// <summary><c>virtio-serial</c> (default), <c>isa-serial</c>, <c>unix-listen</c> or <c>vsock-listen</c>.</summary>
    public string Method { get; set; } = "virtio-serial";

    /// <summary>Device or socket path, or <c>cid:port</c> for vsock; null means the method's default.</summary>
    public string? Path { get; set; }

    /// <summary>True when systemd passed the listening socket (<c>LISTEN_FDS</c>, fd 3): <see cref="Method"/> comes from
    /// the socket's family, <see cref="Path"/> is null, and the transport listens on fd 3.</summary>
    public bool SocketActivated { get; set; }

    public string? LogFile { get; set; }

    public string PidFile { get; set; } = "/var/run/qemu-ga.pid";

    public string StateDir { get; set; } = "/var/run";

    public bool Verbose { get; set; }

    public bool RetryPath { get; set; }

    /// <summary>Commands disabled with <c>-b</c>/<c>block-rpcs</c> (config entries first, each source's list kept as given).</summary>
    public List<string> BlockRpcs { get; } = new();

    /// <summary>When non-null (<c>-a</c>/<c>allow-rpcs</c>), every command not listed is disabled.</summary>
    public List<string>? AllowRpcs { get; set; }

    /// <summary>Configured hook paths by hook name (<c>fsfreeze</c> from <c>-F</c>/<c>fsfreeze-hook</c>, others from
    /// <c>--NAME-hook</c>/<c>NAME-hook</c>). A hook absent here is disabled.</summary>
    public Dictionary<string, string> HookPaths { get; } = new();

    /// <summary><c>--hook-timeout</c>/<c>hook-timeout</c>: whole seconds, 0 = wait for ever (qemu-ga).</summary>
    public int HookTimeoutSeconds { get; set; }

    /// <summary><c>--hook-log</c>/<c>hook-log</c>: hook stdout/stderr into the agent log instead of /dev/null.</summary>
    public bool HookLog { get; set; }

    /// <summary><c>--hook-allow-untrusted</c>/<c>hook-allow-untrusted</c>: skip the ownership/permission check.</summary>
    public bool HookAllowUntrusted { get; set; }
}
