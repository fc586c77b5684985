namespace Distlog.Testing;

/// <summary>A new folder under the system's temporary folder, deleted with everything in it on <see cref="Dispose"/>.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "distlog-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes <paramref name="content"/> (UTF-8, no BOM) to the file <paramref name="name"/> in the folder.</summary>
    /// <returns>The file's full path.</returns>
    public string Write(string name, string content)
    {
        var file = Combine(name);
        File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Deletes the folder; a file a child process still holds leaves it to the system's cleaning.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans the temp folder eventually.
        }
    }
}
