namespace Distlog.Collector.Configuration;

/// <summary>
/// The <c>security</c> section. Every listener binds a loopback address unless the YAML names another; a listener on
/// any other address needs <see cref="Curve"/>, or <see cref="AllowInsecure"/> to accept plaintext, unauthenticated
/// traffic from the network (see <see cref="Security.BindPolicy"/>).
/// </summary>
/// <param name="AllowInsecure"><c>security.allowInsecure</c>: bind beyond loopback without CURVE. Default false.</param>
/// <param name="Curve"><c>security.curve</c>; null where the section does not set it.</param>
sealed record SecuritySettings(bool AllowInsecure, CurveSettings? Curve)
{
    public static SecuritySettings Default { get; } = new(AllowInsecure: false, Curve: null);
}
