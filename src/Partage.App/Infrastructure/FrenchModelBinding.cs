using Microsoft.AspNetCore.Mvc;

namespace Partage.App.Infrastructure;

/// <summary>
/// The messages ASP.NET Core's model binding writes when a posted or queried value cannot be read, in French and
/// without the property's internal name ("PageNumber", "Entity"): no framework default in English reaches a user.
/// Non-nullable strings are not implicitly required either: every page checks its fields itself, with its own words.
/// </summary>
public static class FrenchModelBinding
{
    public static IServiceCollection AddFrenchModelBinding(this IServiceCollection services) =>
        services.Configure<MvcOptions>(o =>
        {
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, _) => $"« {value} » n'est pas une valeur possible ici.");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur possible ici.");
            m.SetValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur possible ici.");
            m.SetUnknownValueIsInvalidAccessor(_ => "La valeur saisie n'est pas possible ici.");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas possible ici.");
            m.SetValueMustBeANumberAccessor(_ => "Ce champ attend un nombre.");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ attend un nombre.");
            m.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
            m.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
            m.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire envoyé est vide.");
        });
}
