using Partage.App.Modules.Invoicing;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;

namespace Partage.App.Modules.Purchases;

/// <summary>
/// What a supplier's invoice must be for Partage to take it: addressed to the entity, an invoice in euros from a
/// French company, its arithmetic right as EN 16931 defines it (BR-CO-10 … BR-CO-16: lines, base, VAT per rate,
/// total, amount due), its VAT rates French rates of its date, and an IBAN to pay it to. The first problem found is
/// the reason of the refusal (status 210), with its code from the CDV profile's list.
/// </summary>
public static class SupplierInvoiceChecks
{
    public static BuyerReason? Problem(SupplierInvoiceData d, LegalEntityView entity, IInvoicingApi invoicing)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(invoicing);
        if (d.BuyerSiren != entity.Siren)
        {
            return new("DEST_ERR", $"La facture est adressée à {d.BuyerName ?? "un autre acheteur"} (SIREN {d.BuyerSiren ?? "absent"}), et non à {entity.Name} (SIREN {entity.Siren}).");
        }

        if (d.SellerSiren is null)
        {
            return new("EMMET_INC", "Le vendeur n'est pas identifié par un SIREN (ni SIRET, ni numéro de TVA français).");
        }

        if (d.TypeCode != "380" || d.Currency != "EUR")
        {
            return new("NON_CONFORME", $"Seules les factures (type 380) en euros sont acceptées ; celle-ci est de type {d.TypeCode} en {d.Currency}.");
        }

        return Arithmetic(d) ?? Vat(d, invoicing) ?? Payment(d);
    }

    private static BuyerReason? Arithmetic(SupplierInvoiceData d)
    {
        if (d.LineNets.Count == 0)
        {
            return new("NON_CONFORME", "La facture n'a aucune ligne.");
        }

        if (d.LineNets.Sum() != d.LineTotalCents)
        {
            return Calculation($"la somme des lignes ({Eur(d.LineNets.Sum())}) n'est pas le total des lignes annoncé ({Eur(d.LineTotalCents)})");
        }

        if (d.LineTotalCents - d.AllowancesCents + d.ChargesCents != d.NetCents)
        {
            return Calculation($"le total HT ({Eur(d.NetCents)}) n'est pas le total des lignes moins les remises plus les frais ({Eur(d.LineTotalCents - d.AllowancesCents + d.ChargesCents)})");
        }

        if (d.NetCents + d.VatCents != d.TotalCents)
        {
            return new("MONTANTTOTAL_ERR", $"Le total TTC ({Eur(d.TotalCents)}) n'est pas le total HT plus la TVA ({Eur(d.NetCents + d.VatCents)}).");
        }

        if (d.TotalCents - d.PrepaidCents != d.PayableCents)
        {
            return new("MONTANTTOTAL_ERR", $"Le montant à payer ({Eur(d.PayableCents)}) n'est pas le total TTC moins les acomptes ({Eur(d.TotalCents - d.PrepaidCents)}).");
        }

        return d.PayableCents <= 0 ? new("NON_CONFORME", "La facture ne laisse rien à payer.") : null;
    }

    private static BuyerReason? Vat(SupplierInvoiceData d, IInvoicingApi invoicing)
    {
        if (d.Vat.Count == 0 || d.Vat.Sum(v => v.BaseCents) != d.NetCents || d.Vat.Sum(v => v.VatCents) != d.VatCents)
        {
            return Calculation($"la ventilation de la TVA (bases {Eur(d.Vat.Sum(v => v.BaseCents))}, TVA {Eur(d.Vat.Sum(v => v.VatCents))}) ne donne pas le total HT ({Eur(d.NetCents)}) et la TVA ({Eur(d.VatCents)}) de la facture");
        }

        foreach (var rate in d.Vat)
        {
            if (rate.Category == "S" ? !invoicing.IsFrenchVatRate(rate.RatePercent, d.IssueDate) : rate.RatePercent != 0)
            {
                return new("TX_TVA_ERR", $"Le taux de TVA {rate.RatePercent} % (catégorie {rate.Category}) n'est pas un taux français en vigueur le {d.IssueDate:dd/MM/yyyy}.");
            }

            // BR-CO-17: the VAT of a rate is its base times the rate, rounded to the cent; a cent apart is the supplier's rounding mode, not an error.
            var expected = Rounding.ToCents(rate.BaseCents / 100m * rate.RatePercent / 100m);
            if (Math.Abs(expected - rate.VatCents) > 1)
            {
                return Calculation($"la TVA à {rate.RatePercent} % sur {Eur(rate.BaseCents)} fait {Eur(expected)}, et non {Eur(rate.VatCents)}");
            }
        }

        return null;
    }

    private static BuyerReason? Payment(SupplierInvoiceData d) =>
        Iban.TryParse(d.Iban, out _, out var error) ? null
        : new("COORD_BANC_ERR", d.Iban is null ? "La facture ne donne pas d'IBAN où la payer (BT-84)." : $"L'IBAN de la facture est invalide : {error}");

    private static BuyerReason Calculation(string what) => new("CALCUL_ERR", $"Les montants ne concordent pas : {what}.");

    private static string Eur(long cents) => Money.Eur(cents).ToDisplayString();
}
