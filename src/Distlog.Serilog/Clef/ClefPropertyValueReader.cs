using System.Text.Json;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// Reads property values, the inverse of <see cref="ClefPropertyValueWriter"/>: arrays become
/// <see cref="SequenceValue"/>s, strings, booleans and null <see cref="ScalarValue"/>s, numbers as
/// <see cref="ClefNumber"/> says. A JSON object becomes a <see cref="StructureValue"/>, its <c>TypeTag</c> taken
/// from a string <c>"$type"</c> member wherever it stands, as Serilog.Formatting.Compact.Reader does: CLEF does
/// not tell a dictionary from an untyped structure, and both write the same JSON. Only an object with a member
/// name Serilog cannot use as a property name (empty or white space) becomes a <see cref="DictionaryValue"/>
/// with string keys (the last of duplicate keys wins), so that nothing is lost.
/// </summary>
static class ClefPropertyValueReader
{
    static readonly ScalarValue Null = new(null);
    static readonly ScalarValue True = new(true);
    static readonly ScalarValue False = new(false);

    /// <summary>Reads the value whose first token the reader is on, leaving it on the value's last token.</summary>
    public static LogEventPropertyValue Read(ref Utf8JsonReader reader, ClefReadScratch scratch, int lineLength)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return new ScalarValue(reader.GetString());
            case JsonTokenType.Number: return ClefNumber.Read(ref reader);
            case JsonTokenType.True: return True;
            case JsonTokenType.False: return False;
            case JsonTokenType.Null: return Null;
            case JsonTokenType.StartArray: return ReadSequence(ref reader, scratch, lineLength);
            case JsonTokenType.StartObject: return ReadObject(ref reader, scratch, lineLength);
            default: throw new ClefFormatException($"unexpected {reader.TokenType} at byte {reader.TokenStartIndex}");
        }
    }

    static SequenceValue ReadSequence(ref Utf8JsonReader reader, ClefReadScratch scratch, int lineLength)
    {
        ClefJson.CheckDepth(ref reader);
        var elements = scratch.Elements(reader.CurrentDepth);
        while (true)
        {
            ClefJson.Next(ref reader, lineLength);
            if (reader.TokenType == JsonTokenType.EndArray)
                break;
            elements.Add(Read(ref reader, scratch, lineLength));
        }

        var sequence = new SequenceValue(elements);
        ClefReadScratch.Release(elements);
        return sequence;
    }

    static LogEventPropertyValue ReadObject(ref Utf8JsonReader reader, ClefReadScratch scratch, int lineLength)
    {
        ClefJson.CheckDepth(ref reader);
        var properties = scratch.Properties(reader.CurrentDepth);
        string? typeTag = null;
        Dictionary<ScalarValue, LogEventPropertyValue>? dictionary = null;
        Span<char> buffer = stackalloc char[ClefNameCache.MaxLength];
        while (true)
        {
            ClefJson.Next(ref reader, lineLength);
            if (reader.TokenType == JsonTokenType.EndObject)
                break;
            if (properties.Count + (typeTag == null ? 0 : 1) + (dictionary?.Count ?? 0) >= ClefReader.MaxProperties)
                throw new ClefFormatException($"more than {ClefReader.MaxProperties} properties in an object at byte {reader.TokenStartIndex}");

            var name = ReadName(ref reader, buffer);
            ClefJson.Next(ref reader, lineLength);
            if (typeTag == null && dictionary == null && name == ClefFields.TypeTag && reader.TokenType == JsonTokenType.String)
            {
                typeTag = ReadName(ref reader, buffer);
                continue;
            }

            var value = Read(ref reader, scratch, lineLength);
            if (dictionary == null && LogEventProperty.IsValidName(name))
            {
                properties.Add(new LogEventProperty(name, value));
                continue;
            }

            dictionary ??= ToDictionary(properties, ref typeTag);
            dictionary[new ScalarValue(name)] = value;
        }

        LogEventPropertyValue result = dictionary != null ? new DictionaryValue(dictionary) : new StructureValue(properties, typeTag);
        ClefReadScratch.Release(properties);
        return result;
    }

    static Dictionary<ScalarValue, LogEventPropertyValue> ToDictionary(List<LogEventProperty> properties, ref string? typeTag)
    {
        var dictionary = new Dictionary<ScalarValue, LogEventPropertyValue>();
        foreach (var property in properties)
            dictionary[new ScalarValue(property.Name)] = property.Value;
        if (typeTag != null)
            dictionary[new ScalarValue(ClefFields.TypeTag)] = new ScalarValue(typeTag);
        properties.Clear();
        typeTag = null;
        return dictionary;
    }

    /// <summary>Reads a property name (or a type tag) through the name cache.</summary>
    public static string ReadName(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        if (reader.ValueSpan.Length > buffer.Length)
            return reader.GetString()!;
        var length = reader.CopyString(buffer);
        return ClefNameCache.Get(buffer[..length]);
    }
}
