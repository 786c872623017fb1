using System.Globalization;
using Partage.Kernel;

namespace Partage.App.Modules.Purchases;

/// <summary>One line of the kilometre scale for cars: a fiscal power (7 means 7 CV and more) from a date, with its source.</summary>
public sealed record MileageRate(DateOnly ValidFrom, int FiscalPower, decimal UpTo5000, decimal From5001, decimal Fixed5001, decimal Over20000, decimal ElectricIncrease, string Source);

/// <summary>
/// The barème kilométrique of the tax administration (cars), which URSSAF accepts as the allowance exempt from
/// contributions: dated data with its source (<c>mileage-scale.csv</c>, embedded). The distance bands are per
/// calendar year, so a trip is paid what the year's total distance with it is worth, minus what the year's earlier
/// trips were already paid: the bands are crossed exactly, whatever the order of the notes.
/// </summary>
public static class MileageScale
{
    public const int MaxPower = 7;

    private static readonly Lazy<IReadOnlyList<MileageRate>> Rates = new(Load);

    public static IReadOnlyList<MileageRate> All => Rates.Value;

    public static MileageRate RateOn(DateOnly day, int fiscalPower)
    {
        var power = Math.Clamp(fiscalPower, 3, MaxPower);   // the scale starts at "3 CV et moins"
        return All.Where(r => r.FiscalPower == power && r.ValidFrom <= day).MaxBy(r => r.ValidFrom)
            ?? throw new InvalidOperationException($"No kilometre scale for {power} CV on {day:yyyy-MM-dd}.");
    }

    /// <summary>The allowance of a trip of <paramref name="kilometres"/> after <paramref name="yearBefore"/> km already paid in the year, to the cent.</summary>
    public static Money Allowance(DateOnly day, int fiscalPower, bool electric, decimal yearBefore, decimal kilometres)
    {
        var rate = RateOn(day, fiscalPower);
        var increase = electric ? 1 + rate.ElectricIncrease : 1m;
        return Money.Eur(Rounding.ToCents(Year(rate, yearBefore + kilometres) * increase) - Rounding.ToCents(Year(rate, yearBefore) * increase));
    }

    /// <summary>What a year's total distance is worth (the scale's three formulas).</summary>
    private static decimal Year(MileageRate rate, decimal distance) => distance switch
    {
        <= 5_000 => distance * rate.UpTo5000,
        <= 20_000 => distance * rate.From5001 + rate.Fixed5001,
        _ => distance * rate.Over20000,
    };

    private static IReadOnlyList<MileageRate> Load()
    {
        var rows = new List<MileageRate>();
        foreach (var f in Infrastructure.EmbeddedCsv.Rows(typeof(MileageScale), "mileage-scale.csv"))
        {
            decimal D(int i) => decimal.Parse(f[i], CultureInfo.InvariantCulture);
            rows.Add(new MileageRate(DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture), D(2), D(3), D(4), D(5), D(6), f[7]));
        }

        return rows;
    }
}
