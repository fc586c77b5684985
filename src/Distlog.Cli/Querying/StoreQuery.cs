using System.Globalization;
using System.Text;
using Distlog.Clef;
using Distlog.Cli.Filtering;
using Distlog.Cli.Input;
using Distlog.Rendering;
using Microsoft.Data.Sqlite;

namespace Distlog.Cli.Querying;

/// <summary>
/// Reads events from the collector's SQLite store (schema in docs/collector.md) with parameterised SQL.
/// Opens the file read-only, so it is safe beside a running collector. One instance per query.
/// </summary>
sealed class StoreQuery
{
    readonly string _path;
    readonly TextWriter _error;

    /// <summary>Queries the store at <paramref name="path"/>; rows whose CLEF is damaged are reported on <paramref name="error"/>.</summary>
    public StoreQuery(string path, TextWriter error)
    {
        _path = path;
        _error = error;
    }

    /// <summary>The matching events, oldest first. See <see cref="QueryOptions.Limit"/> for which ones.</summary>
    public IReadOnlyList<ClefRecord> Read(QueryOptions options)
    {
        if (!File.Exists(_path))
            throw new CliException($"cannot open store '{_path}': no such file (--db names the collector's SQLite file)");

        var builder = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadOnly };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = BuildSql(options, command.Parameters);
            return ReadRows(command, options);
        }
        catch (SqliteException ex)
        {
            var reason = ex.Message.Contains("no such table", StringComparison.Ordinal) || ex.Message.Contains("no such column", StringComparison.Ordinal)
                ? "it is not a distlog store (" + ex.Message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal) + ")"
                : ex.Message;
            throw new CliException($"cannot query store '{_path}': {reason}", ExitCodes.Failure, ex);
        }
    }

    /// <summary>The SELECT for <paramref name="options"/>, adding its parameters to <paramref name="parameters"/>.</summary>
    public static string BuildSql(QueryOptions options, SqliteParameterCollection parameters)
    {
        var where = new List<string>();
        if (options.Task is { } task)
        {
            where.Add("root = $root");
            parameters.AddWithValue("$root", task.Root);
            if (task.Path.Length > 0)
            {
                // The task id is everything after '@' in the key; a subtask's id continues with '/'.
                where.Add("(substr(task_key, instr(task_key, '@') + 1) = $id OR substr(task_key, instr(task_key, '@') + 1, length($id) + 1) = $id || '/')");
                parameters.AddWithValue("$id", task.ToString());
            }
        }

        if (options.MinimumLevel is { } level)
        {
            where.Add("level >= $level");
            parameters.AddWithValue("$level", (int)level);
        }

        if (options.Application is { } application)
        {
            where.Add("application = $application");
            parameters.AddWithValue("$application", application);
        }

        if (options.System is { } system)
        {
            where.Add("system = $system");
            parameters.AddWithValue("$system", system.ToString());
        }

        if (options.Since is { } since)
        {
            where.Add("timestamp >= $since");
            parameters.AddWithValue("$since", FormatTimestamp(since));
        }

        if (options.Until is { } until)
        {
            where.Add("timestamp < $until");
            parameters.AddWithValue("$until", FormatTimestamp(until));
        }

        if (options.Text is { } text)
        {
            where.Add(@"message LIKE '%' || $text || '%' ESCAPE '\'");
            parameters.AddWithValue("$text", EscapeLike(text));
        }

        for (var i = 0; i < options.Properties.Count; i++)
        {
            // SQL narrows to events that have the property (and, for a string, its value); ReadRows then compares every
            // value as text exactly as print does, which SQLite's number formatting cannot (40.0 against 40).
            var (name, value) = options.Properties[i];
            where.Add($"json_type(clef, $path{i}) IS NOT NULL AND (json_type(clef, $path{i}) <> 'text' OR json_extract(clef, $path{i}) = $value{i})");
            parameters.AddWithValue($"$path{i}", "$.\"" + (name.StartsWith('@') ? "@" + name : name).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
            parameters.AddWithValue($"$value{i}", value);
        }

        var filter = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        // With property filters or an expression the limit is counted in ReadRows, after the exact check: rows come
        // newest first, so that it reads no more than it keeps.
        if (options.FiltersRows)
            return "SELECT clef FROM events" + filter + " ORDER BY timestamp DESC, id DESC";
        parameters.AddWithValue("$limit", options.Limit ?? -1);
        return "SELECT clef FROM (SELECT id, timestamp, clef FROM events" + filter +
               " ORDER BY timestamp DESC, id DESC LIMIT $limit) ORDER BY timestamp, id";
    }

    /// <summary>The store's fixed-width UTC text form, which sorts as time: <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    List<ClefRecord> ReadRows(SqliteCommand command, QueryOptions options)
    {
        var records = new List<ClefRecord>();
        var filter = new EventFilter { Properties = options.Properties, Expression = options.Expression };
        var limit = options.FiltersRows ? options.Limit ?? int.MaxValue : int.MaxValue;
        using var reader = command.ExecuteReader();
        while (records.Count < limit && reader.Read())
        {
            var clef = Encoding.UTF8.GetBytes(reader.GetString(0));
            if (!ClefReader.TryRead(clef, out var logEvent, out var reason))
                _error.WriteLine(ControlCharacters.Escape($"skipped a stored event that is not valid CLEF: {reason}"));
            else if (filter.Matches(logEvent))
                records.Add(new ClefRecord(logEvent, clef));
        }

        // Filtered rows came newest first; the output is oldest first.
        if (options.FiltersRows)
            records.Reverse();
        return records;
    }
}
