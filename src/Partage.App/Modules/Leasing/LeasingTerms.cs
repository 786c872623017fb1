using System.Globalization;
using Partage.App.Infrastructure;
using Partage.Kernel;

namespace Partage.App.Modules.Leasing;

/// <summary>A kind of equipment from a date: the asset account it is registered on, its depreciation account and useful life.</summary>
public sealed record AssetKind(string Code, string Label, string Account, string DepreciationAccount, int UsefulLifeYears, DateOnly From, string Source);

/// <summary>One dated setting of the leasing service, with its source.</summary>
public sealed record LeasingSetting(string Code, DateOnly From, string Value, string Source);

/// <summary>
/// The leasing service's figures as dated data with their sources (embedded <c>leasing-terms.csv</c> and
/// <c>asset-kinds.csv</c>): the rate or the fixed fee, the durations allowed, the SEPA pre-notification delay, the arrears
/// that allow a default, the residual value, and for each kind of equipment its accounts and useful life. A change is a
/// new row from a date: a lease keeps the terms in force on the day it was approved.
/// </summary>
public static class LeasingTerms
{
    public const string AnnualRatePercent = "annual_rate_percent";
    public const string MonthlyFeeCents = "monthly_fee_cents";
    public const string MinMonths = "min_months";
    public const string MaxMonths = "max_months";
    public const string PrenotificationDays = "prenotification_days";
    public const string ArrearsDefaultInstalments = "arrears_default_instalments";
    public const string ResidualValuePercent = "residual_value_percent";
    public const string VatPercent = "vat_percent";

    private static readonly Lazy<IReadOnlyList<LeasingSetting>> SettingRows = new(() => EmbeddedCsv.Rows(typeof(LeasingTerms), "leasing-terms.csv")
        .Select(f => new LeasingSetting(f[0], Day(f[1]), f[2], f[3])).ToList());

    private static readonly Lazy<IReadOnlyList<AssetKind>> KindRows = new(() => EmbeddedCsv.Rows(typeof(LeasingTerms), "asset-kinds.csv")
        .Select(f => new AssetKind(f[0], f[1], f[2], f[3], int.Parse(f[4], CultureInfo.InvariantCulture), Day(f[5]), f[6])).ToList());

    public static IReadOnlyList<LeasingSetting> Settings => SettingRows.Value;

    public static decimal Number(string code, DateOnly day) => decimal.Parse(
        SettingRows.Value.Where(s => s.Code == code && s.From <= day).MaxBy(s => s.From)?.Value
        ?? throw new InvalidOperationException($"No leasing setting {code} on {day:yyyy-MM-dd}."), CultureInfo.InvariantCulture);

    public static int Whole(string code, DateOnly day) => (int)Number(code, day);

    /// <summary>The kinds of equipment in force on a day (their latest row).</summary>
    public static IReadOnlyList<AssetKind> KindsOn(DateOnly day) =>
        KindRows.Value.Where(k => k.From <= day).GroupBy(k => k.Code).Select(g => g.MaxBy(k => k.From)!).OrderBy(k => k.Label, StringComparer.Ordinal).ToList();

    public static AssetKind? Kind(string? code, DateOnly day) => KindsOn(day).FirstOrDefault(k => k.Code == code);

    public static string KindLabel(string code) => KindRows.Value.LastOrDefault(k => k.Code == code)?.Label ?? code;

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One fiscal year (a calendar year) of an asset's depreciation: the year's charge, the total so far, what remains on the books.</summary>
public sealed record DepreciationRow(int Year, long ChargeCents, long AccumulatedCents, long NetBookValueCents);

/// <summary>
/// Straight-line depreciation ("amortissement linéaire") over the useful life, from the day the asset is acquired, pro rata
/// temporis in the first year on the 360-day year of French practice (months of 30 days: acquired on 15 November, 46 days
/// of the first year); each year's charge is rounded to the cent and the last year takes what remains, so that the
/// charges sum to the cost.
/// </summary>
public static class Depreciation
{
    public static IReadOnlyList<DepreciationRow> Schedule(long costCents, DateOnly acquiredOn, int usefulLifeYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(usefulLifeYears, 1);
        var annual = costCents / 100m / usefulLifeYears;
        var firstDays = (12 - acquiredOn.Month) * 30 + (30 - Math.Min(acquiredOn.Day, 30) + 1);
        var rows = new List<DepreciationRow>();
        var accumulated = 0L;
        for (var year = acquiredOn.Year; accumulated < costCents; year++)
        {
            var charge = year == acquiredOn.Year ? Rounding.ToCents(annual * firstDays / 360m) : Rounding.ToCents(annual);
            charge = Math.Min(charge, costCents - accumulated);
            // The year the useful life ends (after the first year's missing days are made up) takes the rest.
            if (year == acquiredOn.Year + usefulLifeYears)
            {
                charge = costCents - accumulated;
            }

            accumulated += charge;
            rows.Add(new DepreciationRow(year, charge, accumulated, costCents - accumulated));
        }

        return rows;
    }
}
