namespace Partage.Tests.Infrastructure;

/// <summary>
/// Reading back the PDFs the platform writes with Poppler, as a reader's tools would: the bytes go
/// to a temporary file for the tool and the file is deleted after, so the suite leaves nothing in /tmp.
/// </summary>
public static class Poppler
{
    /// <summary>The PDF's text (pdftotext; <paramref name="layout"/> keeps the columns).</summary>
    public static string Text(byte[] pdf, bool layout = false) => OnFile(pdf, file => Run("pdftotext", $"{(layout ? "-layout " : string.Empty)}{file} -"));

    /// <summary>The PDF's fonts as pdffonts lists them (name, type, embedded…).</summary>
    public static string Fonts(byte[] pdf) => OnFile(pdf, file => Run("pdffonts", file));

    /// <summary>A Poppler tool on a file the test keeps (an artifact); fails unless the tool exits cleanly.</summary>
    public static string Run(string tool, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    private static string OnFile(byte[] pdf, Func<string, string> read)
    {
        var file = Path.Combine(Path.GetTempPath(), $"partage-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
