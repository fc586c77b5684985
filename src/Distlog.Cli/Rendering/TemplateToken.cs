namespace Distlog.Cli.Rendering;

/// <summary>One part of an <see cref="OutputTemplate"/>: literal text, or a named hole with its alignment and format.</summary>
/// <param name="Kind">What the token renders.</param>
/// <param name="Text">The literal text, or the property name of a <see cref="TemplateTokenKind.Property"/> hole.</param>
/// <param name="Format">The text after <c>:</c> in the hole, or null.</param>
/// <param name="Alignment">The number after <c>,</c>: positive pads left (right-aligns), negative pads right; null for none.</param>
internal sealed record TemplateToken(TemplateTokenKind Kind, string Text, string? Format = null, int? Alignment = null);
