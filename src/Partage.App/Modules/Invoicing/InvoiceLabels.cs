namespace Partage.App.Modules.Invoicing;

public static class InvoiceLabels
{
    public static string Status(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "Brouillon",
        InvoiceStatus.PendingValidation => "À valider",
        InvoiceStatus.Issued => "Émise",
        InvoiceStatus.Sent => "Envoyée",
        InvoiceStatus.PartlyPaid => "Partiellement payée",
        InvoiceStatus.Paid => "Payée",
        InvoiceStatus.Covered => "Couverte par le fonds de garantie",
        InvoiceStatus.WrittenOff => "Passée en perte",
        _ => "Annulée par avoir",
    };

    public static string Kind(InvoiceKind kind) => kind == InvoiceKind.Invoice ? "Facture" : "Avoir";

    /// <summary>A client in a list of look-alikes: the name, then what tells two "Mairie" apart (SIREN, town, country).</summary>
    public static string ClientChoice(Clients.Features.ClientListItem client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var siren = client.Siren is { Length: 9 } s ? $"SIREN {s[..3]} {s[3..6]} {s[6..]}" : client.VatNumber;
        var place = client.Country == "FR" ? client.City : $"{client.City} ({client.Country})";
        return string.Join(" — ", new[] { client.Name, siren, place }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public static string Unit(string code) => code switch
    {
        "HUR" => "heure",
        "DAY" => "jour",
        _ => "unité",
    };
}

public static class BankLabels
{
    public static string Status(BankLineStatus status) => status switch
    {
        BankLineStatus.Matched => "Rapproché",
        BankLineStatus.PartlyMatched => "Rapproché en partie",
        _ => "À identifier",
    };
}
