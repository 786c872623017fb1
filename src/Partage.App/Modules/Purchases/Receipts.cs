using Partage.Kernel;

namespace Partage.App.Modules.Purchases;

/// <summary>
/// What a receipt may be: a PDF, a JPEG or a PNG photo of at most 10 MB, recognised by its first bytes (what the
/// browser says the type is, or the file's name, proves nothing).
/// </summary>
public static class Receipts
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The receipt's kind (extension and content type), or a French message saying why it is refused.</summary>
    public static (string Extension, string ContentType) Check(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            throw Refused("Le justificatif est vide.");
        }

        if (content.Length > MaxBytes)
        {
            throw Refused($"Le justificatif pèse {content.Length / 1024 / 1024} Mo : 10 Mo au plus (une photo ou un PDF).");
        }

        return content switch
        {
            [0x25, 0x50, 0x44, 0x46, ..] => (".pdf", "application/pdf"),
            [0xFF, 0xD8, 0xFF, ..] => (".jpg", "image/jpeg"),
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => (".png", "image/png"),
            _ => throw Refused("Le justificatif doit être un PDF, une photo JPEG ou PNG."),
        };
    }

    private static InputValidationException Refused(string message) => new(new Dictionary<string, string[]> { ["Receipt"] = [message] });
}
