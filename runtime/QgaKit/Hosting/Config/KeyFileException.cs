using System;

namespace QgaKit.Hosting.Config;

/// <summary>A GLib <c>GKeyFile</c> error; <see cref="Exception.Message"/> is GLib's text (what qemu-ga prints after
/// <c>error loading configuration from path: &lt;path&gt;, </c>).</summary>
public sealed class KeyFileException : Exception
{
    public KeyFileException(string message)
        : base(message)
    {
    }

    public KeyFileException()
    {
    }

    public KeyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
