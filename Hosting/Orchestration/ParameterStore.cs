using System.Security.Cryptography;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Generated parameter values (passwords), kept in the data folder next to the data they protect, so a second run
/// opens the same PostgreSQL cluster. Aspire keeps them in the AppHost's user secrets; here they live and die with
/// the data folder. The file is readable by its owner only.
/// </summary>
internal sealed class ParameterStore(string dataDirectory)
{
    private const string FileName = "parameters.json";
    private readonly Lock _gate = new();

    public string GetOrCreate(string name, GenerateParameterDefault generate)
    {
        lock (_gate)
        {
            var path = Path.Combine(dataDirectory, FileName);
            var values = File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
                : [];
            if (values.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var value = Generate(generate);
            values[name] = value;
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, JsonSerializer.Serialize(values));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            return value;
        }
    }

    internal static string Generate(GenerateParameterDefault generate)
    {
        const string lower = "abcdefghijklmnopqrstuvwxyz";
        const string upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string numeric = "0123456789";
        // URL- and connection-string-safe specials only, as Aspire's generator picks.
        const string special = "-_.{}~()*+!";
        var classes = new[] { (generate.Lower, lower), (generate.Upper, upper), (generate.Numeric, numeric), (generate.Special, special) }
            .Where(c => c.Item1).Select(c => c.Item2).ToArray();
        var alphabet = string.Concat(classes);
        var characters = classes.Select(c => c[RandomNumberGenerator.GetInt32(c.Length)]).ToList();
        while (characters.Count < generate.MinLength)
        {
            characters.Add(alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        }

        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(characters));
        return new string([.. characters]);
    }
}
