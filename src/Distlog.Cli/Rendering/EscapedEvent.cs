using Distlog.Rendering;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Cli.Rendering;

/// <summary>
/// A copy of an event in which every text an event brings (message template, property names and string values at any
/// depth, the exception) has its control characters escaped by <see cref="ControlCharacters"/>; the exception keeps its
/// line feeds and tabs. A template can then show any of it on a terminal. The event itself is not changed.
/// </summary>
static class EscapedEvent
{
    static readonly MessageTemplateParser Parser = new();

    /// <summary>An escaped copy of <paramref name="logEvent"/>.</summary>
    public static LogEvent Of(LogEvent logEvent)
    {
        var template = ControlCharacters.Escape(logEvent.MessageTemplate.Text);
        var properties = logEvent.Properties.Select(p => new LogEventProperty(ControlCharacters.Escape(p.Key), Escape(p.Value)));
        var exception = logEvent.Exception is null ? null : new RenderedException(ControlCharacters.Escape(logEvent.Exception.ToString(), keepLineFeedAndTab: true));
        return new LogEvent(logEvent.Timestamp, logEvent.Level, exception,
            ReferenceEquals(template, logEvent.MessageTemplate.Text) ? logEvent.MessageTemplate : Parser.Parse(template),
            properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default);
    }

    static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(ControlCharacters.Escape(s)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Escape)),
        StructureValue structure => new StructureValue(
            structure.Properties.Select(p => new LogEventProperty(ControlCharacters.Escape(p.Name), Escape(p.Value))),
            structure.TypeTag is null ? null : ControlCharacters.Escape(structure.TypeTag)),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            KeyValuePair.Create((ScalarValue)Escape(e.Key), Escape(e.Value)))),
        _ => value,
    };

    /// <summary>An exception that is only its (escaped) text, as CLEF's <c>@x</c> is.</summary>
    sealed class RenderedException(string text) : Exception(text.Split('\n')[0])
    {
        public override string ToString() => text;
    }
}
