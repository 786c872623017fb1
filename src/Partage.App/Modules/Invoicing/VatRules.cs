using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.App.Modules.Clients;

namespace Partage.App.Modules.Invoicing;

/// <summary>
/// A VAT treatment an invoice line can carry, valid over dates, with the article of law that
/// grounds it: the French rates, and the two zero-rated treatments of services to foreign
/// businesses. Category codes are EN 16931's (UNTDID 5305). A change of rate is a new row.
/// </summary>
public sealed class VatRule
{
    public string Code { get; init; } = string.Empty;

    public string Category { get; init; } = "S";

    public decimal RatePercent { get; init; }

    public DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public string Label { get; init; } = string.Empty;

    public string LegalBasis { get; init; } = string.Empty;

    /// <summary>The wording the invoice must print when no VAT is charged (BT-120).</summary>
    public string? ExemptionText { get; init; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

/// <summary>Which VAT treatment a client's invoices get: French VAT, EU reverse charge, or services outside the EU.</summary>
public enum VatRegime
{
    French,
    EuReverseCharge,
    OutsideEu,
}

public static class VatRules
{
    public const string Standard = "FR_20";
    public const string ReverseCharge = "UE_AUTOLIQUIDATION";
    public const string OutsideEu = "HORS_UE_259_1";

    /// <summary>Sums advanced in the name and on behalf of a principal (payroll under mandate), re-invoiced at cost: outside the VAT base.</summary>
    public const string Disbursement = "DEBOURS_267";

    public static readonly IReadOnlyList<VatRule> All =
    [
        new() { Code = Standard, Category = "S", RatePercent = 20m, ValidFrom = new(2014, 1, 1), Label = "TVA 20 %", LegalBasis = "CGI, art. 278" },
        new() { Code = "FR_10", Category = "S", RatePercent = 10m, ValidFrom = new(2014, 1, 1), Label = "TVA 10 %", LegalBasis = "CGI, art. 279" },
        new() { Code = "FR_5_5", Category = "S", RatePercent = 5.5m, ValidFrom = new(2014, 1, 1), Label = "TVA 5,5 %", LegalBasis = "CGI, art. 278-0 bis" },
        new() { Code = "FR_2_1", Category = "S", RatePercent = 2.1m, ValidFrom = new(2014, 1, 1), Label = "TVA 2,1 % (140 premières représentations d'un spectacle)", LegalBasis = "CGI, art. 281 quater" },
        new()
        {
            Code = ReverseCharge, Category = "AE", RatePercent = 0m, ValidFrom = new(2010, 1, 1), Label = "Autoliquidation (client assujetti de l'UE)",
            LegalBasis = "CGI, art. 259-1 et 283-2 ; directive 2006/112/CE, art. 44 et 196",
            ExemptionText = "Autoliquidation : TVA due par le preneur (art. 283-2 du CGI, art. 196 de la directive 2006/112/CE)",
        },
        new()
        {
            Code = OutsideEu, Category = "G", RatePercent = 0m, ValidFrom = new(2010, 1, 1), Label = "Prestation à un preneur établi hors de l'UE",
            LegalBasis = "CGI, art. 259-1",
            ExemptionText = "TVA non applicable : prestation de services à un preneur établi hors de l'Union européenne (art. 259-1 du CGI)",
        },
        new()
        {
            Code = Disbursement, Category = "E", RatePercent = 0m, ValidFrom = new(2010, 1, 1), Label = "Débours (sommes avancées pour le compte du client)",
            LegalBasis = "CGI, art. 267 II 2°",
            ExemptionText = "Débours : sommes avancées au nom et pour le compte de l'employeur, remboursées à l'euro près, hors base d'imposition (art. 267 II 2° du CGI)",
        },
    ];

    /// <summary>
    /// The rule a line froze: the row of its code with that category and rate (rows are only ever
    /// added, so it is there, with the label and legal wording that went with that rate).
    /// </summary>
    public static VatRule Frozen(string code, string category, decimal ratePercent) =>
        All.LastOrDefault(r => r.Code == code && r.Category == category && r.RatePercent == ratePercent)
        ?? throw new InvalidOperationException($"No VAT rule {code} at {ratePercent} % ({category}): a row of the VAT rules was removed.");

    public static VatRegime RegimeFor(ClientView client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Country == "FR" || !client.IsBusiness)
        {
            return VatRegime.French;   // services to private persons are taxed where the supplier is (CGI art. 259 B … 259 A aside)
        }

        return client.IsInEuropeanUnion
            ? client.VatNumber is null ? VatRegime.French : VatRegime.EuReverseCharge
            : VatRegime.OutsideEu;
    }

    /// <summary>The one treatment a regime imposes, or null when the member chooses among the French rates.</summary>
    public static string? ImposedCode(VatRegime regime) => regime switch
    {
        VatRegime.EuReverseCharge => ReverseCharge,
        VatRegime.OutsideEu => OutsideEu,
        _ => null,
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/vat-rules", () => VatRules.All)
            .WithTags("Factures").WithName("ListVatRules").WithSummary("Traitements de TVA datés, avec leur base légale");
    }
}

internal sealed class VatRuleConfiguration : IEntityTypeConfiguration<VatRule>
{
    public void Configure(EntityTypeBuilder<VatRule> builder)
    {
        builder.ToTable("vat_rules");
        builder.HasKey(r => new { r.Code, r.ValidFrom });
        builder.Property(r => r.Code).HasMaxLength(20);
        builder.Property(r => r.Category).HasMaxLength(2);
        builder.Property(r => r.RatePercent).HasPrecision(5, 2);
        builder.Property(r => r.Label).HasMaxLength(120);
        builder.Property(r => r.LegalBasis).HasMaxLength(200);
        builder.Property(r => r.ExemptionText).HasMaxLength(300);
        builder.HasData(VatRules.All);
    }
}
