using System.Text.Json;
using Distlog.Clef;
using MongoDB.Bson;

namespace Distlog.Collector.Plugins.Mongo;

/// <summary>
/// Reads a CLEF line into a BSON document, field for field: <c>@t</c> becomes a BSON date (millisecond precision, as BSON
/// dates have), numbers become 32- or 64-bit integers where they are whole and fit, else doubles (decimals where a double
/// would lose digits), objects and arrays stay nested. Stateless.
/// </summary>
static class ClefDocument
{
    const string TimestampField = "@t";
    /// <summary>The document's key, the first field.</summary>
    public const string IdField = "_id";
    // A property named _id would take the document's key: it is kept under this name instead.
    const string PropertyIdField = "@_id";

    /// <exception cref="JsonException">The line is not a JSON object.</exception>
    /// <exception cref="FormatException"><c>@t</c> is not an ISO 8601 timestamp.</exception>
    /// <param name="line">The CLEF line, UTF-8.</param>
    /// <param name="id">The document's <c>_id</c>, its first field.</param>
    public static BsonDocument Read(ReadOnlySpan<byte> line, BsonValue id)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("a CLEF line is a JSON object");
        var document = new BsonDocument(IdField, id);
        ReadObject(ref reader, document, topLevel: true);
        if (reader.Read())
            throw new JsonException("text after the CLEF line's object");
        return document;
    }

    static BsonDocument ReadObject(ref Utf8JsonReader reader, BsonDocument document, bool topLevel)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            if (topLevel && name == IdField)
                name = PropertyIdField;
            reader.Read();
            // @t as every reader of the project takes it: without an offset it is UTC, not this host's local time.
            var value = topLevel && name == TimestampField && reader.TokenType == JsonTokenType.String
                ? new BsonDateTime(ClefEventFields.Timestamp(ref reader)!.Value.UtcDateTime)
                : ReadValue(ref reader);
            // A repeated name keeps its last value, as System.Text.Json and Serilog's readers do.
            document[name] = value;
        }
        return document;
    }

    static BsonValue ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => new BsonString(reader.GetString()),
        JsonTokenType.Number => ReadNumber(ref reader),
        JsonTokenType.True => BsonBoolean.True,
        JsonTokenType.False => BsonBoolean.False,
        JsonTokenType.Null => BsonNull.Value,
        JsonTokenType.StartObject => ReadObject(ref reader, new BsonDocument(), topLevel: false),
        JsonTokenType.StartArray => ReadArray(ref reader),
        _ => throw new JsonException($"unexpected {reader.TokenType} in a CLEF line"),
    };

    static BsonArray ReadArray(ref Utf8JsonReader reader)
    {
        var array = new BsonArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            array.Add(ReadValue(ref reader));
        return array;
    }

    static BsonValue ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out var int32))
            return new BsonInt32(int32);
        if (reader.TryGetInt64(out var int64))
            return new BsonInt64(int64);
        if (reader.TryGetDecimal(out var number) && !RoundTripsAsDouble(number))
            return new BsonDecimal128(number);
        return new BsonDouble(reader.GetDouble());
    }

    static bool RoundTripsAsDouble(decimal number) => (decimal)(double)number == number;
}
