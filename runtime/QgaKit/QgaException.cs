using System;

namespace QgaKit;

/// <summary>The two error classes qemu-ga ever sends (QAPI's others are never used by the agent).</summary>
public enum QgaErrorClass
{
    GenericError,
    CommandNotFound,
}

/// <summary>
/// An error that becomes the command's error reply, <c>{"error": {"class": …, "desc": Message}}</c>,
/// with the message unchanged. Any other exception from a command becomes a GenericError too, and is logged.
/// </summary>
public class QgaException : Exception
{
    public QgaException(string message)
        : this(QgaErrorClass.GenericError, message)
    {
    }

    public QgaException(QgaErrorClass errorClass, string message)
        : base(message)
    {
        ErrorClass = errorClass;
    }

    public QgaException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorClass = QgaErrorClass.GenericError;
    }

    public QgaException()
        : this("Unknown error")
    {
    }

    public QgaErrorClass ErrorClass { get; }
}
