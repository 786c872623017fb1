namespace Partage.App.Modules.Invoicing;

/// <summary>The longest payment term the law allows between businesses from a date, with its source.</summary>
public sealed record PaymentTermsLimit(DateOnly ValidFrom, int MaxDays, string LegalBasis);

/// <summary>The legal maxima of payment terms, dated like the VAT rules: a change of law is a new row.</summary>
public static class PaymentTermsLimits
{
    public static readonly IReadOnlyList<PaymentTermsLimit> All =
    [
        new(new(2009, 1, 1), 60, "art. L441-10 I du code de commerce, anciennement L441-6 (loi 2008-776 du 4 août 2008, en vigueur le 1er janvier 2009)"),
    ];

    /// <summary>The limit in force on a date (the earliest one before the first row: the law only ever tightened it).</summary>
    public static PaymentTermsLimit On(DateOnly date) => All.LastOrDefault(l => l.ValidFrom <= date) ?? All[0];
}
