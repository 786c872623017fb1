using System.Globalization;

namespace Partage.Kernel;

/// <summary>
/// A rate as a decimal fraction (0.065 for 6.5 %). Applying it to money gives an unrounded
/// <see cref="decimal"/> so that the caller rounds once, at the point the law names.
/// </summary>
public readonly record struct Rate(decimal Value) : IComparable<Rate>
{
    public static readonly Rate Zero = new(0m);

    public static Rate FromPercent(decimal percent) => new(percent / 100m);

    public decimal Percent => Value * 100m;

    /// <summary>The exact product base × rate, in currency units, not rounded.</summary>
    public decimal Of(Money amount) => amount.Amount * Value;

    /// <summary>Base × rate rounded to the cent (one payslip line, one VAT amount).</summary>
    public Money AppliedTo(Money amount) => Money.RoundedFrom(Of(amount), amount.Currency);

    public static Rate operator +(Rate left, Rate right) => new(left.Value + right.Value);

    public static Rate operator -(Rate left, Rate right) => new(left.Value - right.Value);

    public int CompareTo(Rate other) => Value.CompareTo(other.Value);

    public override string ToString() =>
        Percent.ToString("0.####", CultureInfo.GetCultureInfo("fr-FR")) + "\u00a0%";
}
