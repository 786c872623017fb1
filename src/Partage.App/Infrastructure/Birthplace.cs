using System.Globalization;
using Partage.Kernel;

namespace Partage.App.Infrastructure;

/// <summary>
/// Where a person was born, as the DSN declares it (S21.G00.30.007 lieu de naissance, at most 30 characters, required
/// for anyone born in France; .015 pays de naissance, ISO 3166): a member's or an employer's staff's record keeps the
/// town, and the country only for someone born abroad, whose social security number says so (department 99).
/// </summary>
public static class Birthplace
{
    public const int PlaceMaxLength = 30;

    /// <summary>Checks a town and a country against the social security number, if any; returns them cleaned (the country null for France).</summary>
    public static (string? Place, string? Country) Check(Validation v, string placeField, string countryField, string? place, string? country, string? nir)
    {
        ArgumentNullException.ThrowIfNull(v);
        var town = v.Optional(placeField, "La commune de naissance", place is null ? null : Latin1Text.Fold(place), PlaceMaxLength);
        if (town is not null && Latin1Text.Outside(town) is { } foreign)
        {
            v.Add(placeField, $"La commune de naissance s'écrit en lettres latines, comme sur l'état civil français (la DSN ne peut pas porter « {foreign} ») : « {town} ».");
            town = null;
        }

        var code = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        if (code is not null && !IsCountry(code))
        {
            v.Add(countryField, $"Pays de naissance inconnu : « {country!.Trim()} ». Indiquez son code ISO à deux lettres (DZ, BE, SN…).");
            return (town, null);
        }

        code = code == "FR" ? null : code;
        var abroad = nir is not null && Nir.TryParse(nir, out var parsed, out _) && BornAbroad(parsed);
        if (abroad && code is null)
        {
            v.Add(countryField, "Le numéro de sécurité sociale indique une naissance hors de France : indiquez le pays de naissance.");
        }
        else if (!abroad && code is not null && nir is not null)
        {
            v.Add(countryField, "Le numéro de sécurité sociale indique une naissance en France : le pays de naissance est la France (FR).");
        }

        return (town, code);
    }

    /// <summary>What the DSN would refuse: no town, or someone born abroad without their country.</summary>
    public static bool IsIncomplete(Nir nir, string? place, string? country) => place is null || (BornAbroad(nir) && country is null);

    /// <summary>Born abroad: department 99 in the social security number, then INSEE's code of the country.</summary>
    public static bool BornAbroad(Nir nir)
    {
        ArgumentNullException.ThrowIfNull(nir);
        return nir.Value.Substring(5, 2) == "99";
    }

    /// <summary>A two-letter country code of ISO 3166 that the system's region data knows (FR, BE, DZ…).</summary>
    private static bool IsCountry(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
