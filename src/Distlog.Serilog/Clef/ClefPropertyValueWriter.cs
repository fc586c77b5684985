using System.Text.Json;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// Writes property values as Serilog's <c>JsonValueFormatter</c> does with the type tag name <c>$type</c>:
/// sequences as arrays, structures as objects with <c>"$type"</c> last when they have a type tag, dictionaries as
/// objects keyed by the key's string. To keep every line readable by <see cref="ClefReader"/>, a value that would
/// nest deeper than <see cref="ClefReader.MaxDepth"/> is written as <c>null</c>, and an object stops at
/// <see cref="ClefReader.MaxProperties"/> members.
/// </summary>
static class ClefPropertyValueWriter
{
    /// <param name="writer">The writer, positioned where a value goes.</param>
    /// <param name="value">The value.</param>
    /// <param name="depth">The nesting level the value is written at: 1 inside the event object.</param>
    public static void Write(Utf8JsonWriter writer, LogEventPropertyValue value, int depth)
    {
        if (value is ScalarValue scalar)
        {
            ClefScalarWriter.Write(writer, scalar.Value);
            return;
        }

        if (depth >= ClefReader.MaxDepth)
        {
            writer.WriteNullValue();
            return;
        }

        switch (value)
        {
            case SequenceValue sequence: WriteSequence(writer, sequence, depth + 1); break;
            case StructureValue structure: WriteStructure(writer, structure, depth + 1); break;
            case DictionaryValue dictionary: WriteDictionary(writer, dictionary, depth + 1); break;
            default: ClefStrings.WriteValue(writer, value.ToString()); break;
        }
    }

    static void WriteSequence(Utf8JsonWriter writer, SequenceValue sequence, int depth)
    {
        writer.WriteStartArray();
        var elements = sequence.Elements;
        for (var i = 0; i < elements.Count; i++)
            Write(writer, elements[i], depth);
        writer.WriteEndArray();
    }

    static void WriteStructure(Utf8JsonWriter writer, StructureValue structure, int depth)
    {
        writer.WriteStartObject();
        var properties = structure.Properties;
        var limit = Math.Min(properties.Count, ClefReader.MaxProperties - (structure.TypeTag == null ? 0 : 1));
        for (var i = 0; i < limit; i++)
        {
            ClefStrings.WriteName(writer, properties[i].Name);
            Write(writer, properties[i].Value, depth);
        }

        if (structure.TypeTag != null)
            ClefStrings.WriteField(writer, ClefFields.TypeTagName, structure.TypeTag);
        writer.WriteEndObject();
    }

    static void WriteDictionary(Utf8JsonWriter writer, DictionaryValue dictionary, int depth)
    {
        writer.WriteStartObject();
        var count = 0;
        if (dictionary.Elements is Dictionary<ScalarValue, LogEventPropertyValue> elements)
        {
            foreach (var (key, value) in elements)
            {
                if (++count > ClefReader.MaxProperties)
                    break;
                WriteEntry(writer, key, value, depth);
            }
        }
        else
        {
            foreach (var (key, value) in dictionary.Elements)
            {
                if (++count > ClefReader.MaxProperties)
                    break;
                WriteEntry(writer, key, value, depth);
            }
        }

        writer.WriteEndObject();
    }

    static void WriteEntry(Utf8JsonWriter writer, ScalarValue key, LogEventPropertyValue value, int depth)
    {
        // As Serilog: the key's ToString(), "null" for a null key.
        string name;
        try
        {
            name = key.Value as string ?? key.Value?.ToString() ?? "null";
        }
        catch (Exception ex)
        {
            name = $"({key.Value!.GetType().FullName}.ToString() threw {ex.GetType().Name})";
        }

        ClefStrings.WriteName(writer, name);
        Write(writer, value, depth);
    }
}
