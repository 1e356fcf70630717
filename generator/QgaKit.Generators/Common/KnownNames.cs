namespace QgaKit.Generators.Common;

/// <summary>Metadata names of the runtime types the generator and the analyzer look for.</summary>
internal static class KnownNames
{
    public const string HookAttribute = "QgaKit.HookAttribute";
    public const string HookArgumentAttribute = "QgaKit.HookArgumentAttribute";
    public const string QgaCommandAttribute = "QgaKit.QgaCommandAttribute";
    public const string QgaNameAttribute = "QgaKit.QgaNameAttribute";
    public const string AgentServiceAttribute = "QgaKit.AgentServiceAttribute";
    public const string HookBase = "QgaKit.Hooks.HookBase";
    public const string JsonValue = "QgaKit.Json.JsonValue";
    public const string GeneratedCommandsAttribute = "QgaKit.Dispatch.Binding.GeneratedCommandsAttribute";
    public const string GeneratedHooksAttribute = "QgaKit.Dispatch.Binding.GeneratedHooksAttribute";
}
