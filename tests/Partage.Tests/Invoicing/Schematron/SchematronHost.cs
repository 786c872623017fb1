using System.Diagnostics;
using System.Text;

namespace Partage.Tests.Invoicing.Schematron;

/// <summary>
/// The schematron stylesheets run in one JVM for the whole test run (SchematronServer.java, with
/// Saxon-HE): each stylesheet is compiled once instead of a JVM start and a compilation per report.
/// Requests are serialised; the JVM ends when the test process closes its standard input.
/// </summary>
internal static class SchematronHost
{
    private const string Saxon = "/usr/share/java/Saxon-HE.jar";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Process? server;

    /// <summary>Applies <paramref name="xslt"/> to <paramref name="source"/>, writing the SVRL report to <paramref name="output"/>; null when it ran, else the error.</summary>
    public static async Task<string?> TransformAsync(string xslt, string source, string output)
    {
        await Gate.WaitAsync();
        try
        {
            var jvm = Server();
            await jvm.StandardInput.WriteLineAsync($"{xslt}\t{source}\t{output}");
            await jvm.StandardInput.FlushAsync();
            var answer = await jvm.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException($"The schematron JVM stopped: {await jvm.StandardError.ReadToEndAsync()}");
            return answer == "OK" ? null : answer;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static Process Server()
    {
        if (server is { HasExited: false })
        {
            return server;
        }

        var source = Path.Combine(EInvoiceValidator.RepositoryRoot(), "tests", "Partage.Tests", "Invoicing", "Schematron", "SchematronServer.java");
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in new[] { "-cp", Saxon, source })
        {
            start.ArgumentList.Add(argument);
        }

        server = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        return server;
    }
}
