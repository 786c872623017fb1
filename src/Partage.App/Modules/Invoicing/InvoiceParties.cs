using System.Text.Json;
using Partage.App.Modules.Clients;
using Partage.App.Modules.LegalEntities;

namespace Partage.App.Modules.Invoicing;

/// <summary>A party of an issued invoice, as printed: frozen at issue.</summary>
public sealed record InvoiceParty(
    string Name, string? LegalForm, string? Siren, string? Siret, string? VatNumber, string Line1, string? Line2, string PostalCode, string City,
    string Country, string? ElectronicAddress, string? Email);

public sealed record InvoiceParties(InvoiceParty Seller, InvoiceParty Buyer, bool BuyerIsBusiness)
{
    public static InvoiceParties Of(LegalEntityView seller, ClientView buyer) => new(
        new InvoiceParty(seller.Name, seller.LegalForm, seller.Siren, null, seller.VatNumber, seller.Street, null, seller.PostalCode, seller.City, seller.Country, seller.Siren, null),
        new InvoiceParty(buyer.Name, buyer.LegalForm, buyer.Siren, buyer.Siret, buyer.VatNumber, buyer.AddressLine1, buyer.AddressLine2, buyer.PostalCode, buyer.City,
            buyer.Country, buyer.ElectronicAddress, buyer.BillingEmail),
        buyer.IsBusiness);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static InvoiceParties FromJson(string json) => JsonSerializer.Deserialize<InvoiceParties>(json)
        ?? throw new InvalidOperationException("An issued invoice without its parties.");
}
