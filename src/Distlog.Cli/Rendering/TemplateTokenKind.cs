namespace Distlog.Cli.Rendering;

/// <summary>The kinds of <see cref="TemplateToken"/>; the names in braces are what a template writes.</summary>
internal enum TemplateTokenKind
{
    /// <summary>Literal text; <c>{{</c> and <c>}}</c> in a template stand for single braces.</summary>
    Text,

    /// <summary><c>{@t}</c> or <c>{@t:FORMAT}</c>: the timestamp, with a .NET date format.</summary>
    Timestamp,

    /// <summary><c>{@l}</c>, <c>{@l:u3}</c>, <c>{@l:w3}</c>, <c>{@l:u}</c>, <c>{@l:w}</c>: the level.</summary>
    Level,

    /// <summary><c>{@m}</c>: the rendered message.</summary>
    Message,

    /// <summary><c>{@mt}</c>: the message template.</summary>
    MessageTemplate,

    /// <summary><c>{@x}</c>: the exception and a line end, or nothing.</summary>
    Exception,

    /// <summary><c>{@tr}</c>: the W3C trace id, or nothing.</summary>
    TraceId,

    /// <summary><c>{@sp}</c>: the W3C span id, or nothing.</summary>
    SpanId,

    /// <summary><c>{@status}</c>: on a task's boundary event, <c> ⇒ started</c>, <c> ⇒ succeeded</c> or <c> ⇒ failed</c>
    /// (leading space included, as <c>distlog tree</c> writes it); nothing on other events.</summary>
    TaskStatus,

    /// <summary><c>{NewLine}</c>: a line end.</summary>
    NewLine,

    /// <summary><c>{Name}</c> or <c>{Name:FORMAT}</c>: a property's value, or nothing where the event lacks it.</summary>
    Property,
}
