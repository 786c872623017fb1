using System.Globalization;

namespace Partage.Kernel;

/// <summary>An ISO 4217 currency code. The cooperative works in euros; others only arrive on foreign invoices.</summary>
public readonly record struct Currency
{
    public static readonly Currency Eur = new("EUR");

    public Currency(string code)
    {
        if (code is not { Length: 3 } || !code.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"Code devise ISO 4217 invalide : « {code} ».", nameof(code));
        }

        Code = code;
    }

    public string Code { get; }

    public override string ToString() => Code;
}

/// <summary>
/// An exact amount of money: a whole number of cents and a currency. There is no constructor from
/// <see cref="double"/>; products with rates go through <see cref="Multiply"/>, which names its
/// rounding point, and splits go through <see cref="Allocate(IReadOnlyList{decimal})"/>, which never loses a cent.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private Money(long cents, Currency currency)
    {
        Cents = cents;
        Currency = currency;
    }

    public long Cents { get; }

    public Currency Currency { get; }

    /// <summary>The amount in currency units, exact (cents / 100).</summary>
    public decimal Amount => Cents / 100m;

    public bool IsZero => Cents == 0;

    public bool IsNegative => Cents < 0;

    public static Money Zero(Currency currency) => new(0, currency);

    public static Money ZeroEur => new(0, Currency.Eur);

    /// <summary>
    /// The largest amount one line or one document may carry: 1,000,000,000.00 €, a thousand
    /// times the cooperative's yearly revenue. Amounts are refused above it where they enter
    /// (forms, API, files) and the ledger refuses postings above it, so that no sum of the books
    /// can come near the 64-bit limit (92 million such lines).
    /// </summary>
    public const long MaxCents = 100_000_000_000;

    public static Money Max => new(MaxCents, Currency.Eur);

    public static Money FromCents(long cents, Currency currency) => new(cents, currency);

    public static Money Eur(long cents) => new(cents, Currency.Eur);

    /// <summary>
    /// An amount typed by a person or read from a file: it must already be a whole number of cents.
    /// "12.345" is refused rather than silently rounded.
    /// </summary>
    public static Money FromAmount(decimal amount, Currency currency)
    {
        var cents = amount * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException($"Le montant {amount} a plus de deux décimales.", nameof(amount));
        }

        return new Money(checked((long)cents), currency);
    }

    /// <summary>A computed amount (base × rate, quantity × price) rounded to the cent half away from zero.</summary>
    public static Money RoundedFrom(decimal amount, Currency currency) => new(Rounding.ToCents(amount), currency);

    /// <summary>This amount times a factor, rounded to the cent: use it only where the law rounds.</summary>
    public Money Multiply(decimal factor) => RoundedFrom(Amount * factor, Currency);

    /// <summary>
    /// Splits the amount in proportion to <paramref name="ratios"/>. Each part is first rounded
    /// towards zero; the cents left over go one by one to the parts with the largest remainders,
    /// the earlier part first on ties. The parts always add up to the whole.
    /// </summary>
    public Money[] Allocate(IReadOnlyList<decimal> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Count == 0)
        {
            throw new ArgumentException("Au moins une part est nécessaire.", nameof(ratios));
        }

        if (ratios.Any(r => r < 0))
        {
            throw new ArgumentException("Les parts ne peuvent pas être négatives.", nameof(ratios));
        }

        var total = ratios.Sum();
        if (total == 0)
        {
            throw new ArgumentException("La somme des parts doit être positive.", nameof(ratios));
        }

        var sign = Math.Sign(Cents);
        var whole = Math.Abs(Cents);
        var parts = new long[ratios.Count];
        var remainders = new decimal[ratios.Count];
        long given = 0;
        for (var i = 0; i < ratios.Count; i++)
        {
            var exact = whole * ratios[i] / total;
            parts[i] = (long)decimal.Truncate(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }

        var order = Enumerable.Range(0, ratios.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .ToArray();
        for (long left = whole - given, k = 0; left > 0; left--, k++)
        {
            parts[order[k % order.Length]]++;
        }

        var currency = Currency;
        return parts.Select(p => new Money(sign * p, currency)).ToArray();
    }

    /// <summary>Splits the amount into <paramref name="count"/> equal parts, the first ones taking the odd cents.</summary>
    public Money[] Allocate(int count)
    {
        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Le nombre de parts doit être positif.");
        }

        return Allocate(Enumerable.Repeat(1m, count).ToArray());
    }

    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.Cents + right.Cents), left.Currency);
    }

    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.Cents - right.Cents), left.Currency);
    }

    public static Money operator -(Money value) => new(checked(-value.Cents), value.Currency);

    public static Money operator *(Money value, int quantity) => new(checked(value.Cents * quantity), value.Currency);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return Cents.CompareTo(other.Cents);
    }

    /// <summary>French display: "1 234,56 €" (narrow no-break space as thousands separator).</summary>
    public string ToDisplayString() =>
        Currency == Currency.Eur
            ? Amount.ToString("#,##0.00", French) + "\u00a0€"
            : Amount.ToString("#,##0.00", French) + "\u00a0" + Currency.Code;

    /// <summary>Invariant form for files and APIs: "1234.56 EUR".</summary>
    public override string ToString() =>
        Amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + Currency.Code;

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new InvalidOperationException($"Devises différentes : {left.Currency} et {right.Currency}.");
        }
    }
}

public static class MoneyExtensions
{
    /// <summary>Exact sum; an empty sequence sums to zero in <paramref name="currency"/>.</summary>
    public static Money Sum(this IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return amounts.Aggregate(Money.Zero(currency), (total, next) => total + next);
    }
}
