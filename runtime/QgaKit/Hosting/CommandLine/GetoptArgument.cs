namespace QgaKit.Hosting.CommandLine;

/// <summary>getopt_long's <c>has_arg</c>: no argument, a required one (attached or the next word), or an optional
/// one (attached only: <c>-F/x</c>, <c>--fsfreeze-hook=/x</c>).</summary>
public enum GetoptArgument
{
    None,
    Required,
    Optional,
}
