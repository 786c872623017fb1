using System.Globalization;
using System.Net.Mail;
using Partage.Kernel;

namespace Partage.App.Infrastructure;

/// <summary>
/// Collects French messages per field while a command's input is checked, then throws one
/// <see cref="InputValidationException"/> with all of them: a form shows every problem at once.
/// Field names are the input's property names, so that API clients and forms agree.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        // Once per field: two checks that find the same fault say it once (a registration's e-mail taken by a member
        // failed both the members' and the accounts' checks, and its doubled message told a member from a staff account).
        if (!list.Contains(message, StringComparer.Ordinal))
        {
            list.Add(message);
        }
    }

    /// <summary>Trims; records a message when empty or longer than <paramref name="max"/>. Returns the trimmed text.</summary>
    public string Required(string field, string label, string? value, int max)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            Add(field, $"{label} est obligatoire.");
        }
        else if (text.Length > max)
        {
            Add(field, $"{label} ne doit pas dépasser {max} caractères.");
        }

        return text;
    }

    /// <summary>Trims; null when empty; records a message when too long.</summary>
    /// <summary>
    /// A person's name: required, and a name never holds a separator or a control character (a ';' or a line break would
    /// split a CSV line or a declaration's field; it comes from registrations and employers' files).
    /// </summary>
    public string PersonName(string field, string label, string? value, int max)
    {
        var text = Required(field, label, value, max);
        if (text.Any(c => char.IsControl(c) || c == ';'))
        {
            Add(field, $"{label} ne peut contenir ni point-virgule, ni tabulation, ni retour à la ligne.");
        }

        return text;
    }

    public string? Optional(string field, string label, string? value, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length > max)
        {
            Add(field, $"{label} ne doit pas dépasser {max} caractères.");
        }

        return text;
    }

    public string Email(string field, string? value)
    {
        var text = Required(field, "L'adresse e-mail", value, 254).ToLowerInvariant();
        if (text.Length > 0 && (!MailAddress.TryCreate(text, out var parsed) || parsed.Address != text || !text.Contains('.', StringComparison.Ordinal)))
        {
            Add(field, "L'adresse e-mail n'est pas valide.");
        }

        return text;
    }

    public T? Parsed<T>(string field, string? value, TryParse<T> parse)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (parse(value, out var parsed, out var error))
        {
            return parsed;
        }

        Add(field, error);
        return null;
    }

    /// <summary>The largest number any field takes; fields with a smaller legal bound check it themselves.</summary>
    public const decimal MaxNumber = 1_000_000_000m;

    /// <summary>Legal dates are taken from 1900 to 2100: beyond, a typing error (and date arithmetic would overflow).</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    public static readonly DateOnly MaxDate = new(2100, 12, 31);

    /// <summary>A decimal number typed the French or the English way (comma or point), not negative, at most <see cref="MaxNumber"/>.</summary>
    public decimal? Decimal(string field, string label, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{label} est obligatoire.");
            }

            return null;
        }

        if (French.TryParseDecimal(value, out var number))
        {
            if (number > MaxNumber)
            {
                Add(field, $"{label} ne peut pas dépasser {MaxNumber.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))}.");
                return null;
            }

            return number;
        }

        Add(field, $"{label} doit être un nombre positif (par exemple 6,5 ou 1 200,50).");
        return null;
    }

    /// <summary>An amount in euros with at most two decimals, greater than zero.</summary>
    public Money? Amount(string field, string label, string? value, bool required)
    {
        var before = errors.Count;
        var number = Decimal(field, label, value, required);
        if (number is null)
        {
            return null;
        }

        if (number <= 0 || number * 100 != decimal.Truncate(number.Value * 100))
        {
            if (errors.Count == before)
            {
                Add(field, $"{label} est un montant positif d'au plus deux décimales.");
            }

            return null;
        }

        if (number > Money.Max.Amount)
        {
            Add(field, $"{label} ne peut pas dépasser {Money.Max.ToDisplayString()}.");
            return null;
        }

        return Money.FromAmount(number.Value, Currency.Eur);
    }

    public DateOnly? Date(string field, string label, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{label} est obligatoire.");
            }

            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(value.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (date < MinDate || date > MaxDate)
            {
                Add(field, $"{label} doit être comprise entre 1900 et 2100.");
                return null;
            }

            return date;
        }

        Add(field, $"{label} doit être une date (AAAA-MM-JJ ou JJ/MM/AAAA).");
        return null;
    }

    /// <summary>A month written AAAA-MM (a pay period, a declared month), from 1900 to 2100.</summary>
    public PayPeriod? Month(string field, string label, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{label} est obligatoire (AAAA-MM).");
            }

            return null;
        }

        if (PayPeriod.TryParse(value.Trim(), out var period))
        {
            return period;
        }

        Add(field, $"{label} est un mois au format AAAA-MM, de 1900 à 2100 (par exemple 2026-12).");
        return null;
    }

    /// <summary>Hours of one contract: at most 48 a week for a year (code du travail L3121-20), 2,500.</summary>
    public decimal? Hours(string field, string? value, bool required) => Bounded(field, "Le nombre d'heures", value, required, 2_500m);

    /// <summary>Cachets of one contract: at most two a day (two shows) for a year, 732.</summary>
    public decimal? Cachets(string field, string? value, bool required) => Bounded(field, "Le nombre de cachets", value, required, 732m);

    private decimal? Bounded(string field, string label, string? value, bool required, decimal max)
    {
        var number = Decimal(field, label, value, required);
        if (number > max)
        {
            Add(field, $"{label} ne peut pas dépasser {max.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} pour un contrat.");
            return null;
        }

        return number;
    }

    public TEnum? Enum<TEnum>(string field, string label, string? value, bool required)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{label} est obligatoire.");
            }

            return null;
        }

        if (System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }

        Add(field, $"{label} : valeur inconnue « {Text.Cut(value.Trim(), 40)} ».");
        return null;
    }

    public TId? Id<TId>(string field, string label, string? value, bool required)
        where TId : struct, ITypedId<TId>
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{label} est obligatoire.");
            }

            return null;
        }

        if (TypedId.TryParse<TId>(value.Trim(), out var id))
        {
            return id;
        }

        Add(field, $"{label} : identifiant invalide.");
        return null;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new InputValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }

    public delegate bool TryParse<T>(string input, out T? parsed, out string error);

    /// <summary>
    /// A withholding rate the tax office notified (the DSN's return), from a date, with its source: a fraction up to the
    /// top marginal rate in force on that date (members' and employers' staff alike).
    /// </summary>
    public (decimal? Rate, DateOnly? From, string Source) NotifiedTaxRate(string? rate, string? from, string? source, Partage.Payroll.ParameterCatalog catalog)
    {
        var value = Decimal("Rate", "Le taux", rate, required: true);
        var on = Date("From", "La date d'effet", from, required: true);
        var max = Partage.Payroll.IncomeTaxWithholding.MaximumNotifiedRate(catalog, on);
        if (value is < 0 || value > max)
        {
            Add("Rate", $"Le taux est une fraction entre 0 et {max.ToString(CultureInfo.GetCultureInfo("fr-FR"))} (0,062 pour 6,2 %).");
        }

        return (value, on, Required("Source", "La source (retour DSN, date du compte rendu)", source, 300));
    }
}
