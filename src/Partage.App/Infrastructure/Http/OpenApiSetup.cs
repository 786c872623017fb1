using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Infrastructure.Http;

/// <summary>
/// The OpenAPI document as a client needs it: the bearer scheme, declared on every operation that
/// requires it (those of the authorized API group; sign-in, registration and the simulators are
/// anonymous), and Money described as it travels (<see cref="MoneyJsonConverter"/>).
/// </summary>
public static class OpenApiSetup
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddPartageOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Partage API";
                document.Info.Description = "API de la plateforme Partage. Authentification : POST /api/v1/auth/token, puis en-tête `Authorization: Bearer JETON`. "
                    + "Les montants s'écrivent {\"amount\": \"1234.56\", \"currency\": \"EUR\"}.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Jeton obtenu par POST /api/v1/auth/token ou `partage users token`.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                }

                // A role group on the route: who may call it, and the 403 everyone else gets.
                var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                    .SelectMany(p => SecuritySetup.RolePolicies.TryGetValue(p, out var r) ? r : []).Distinct().ToList();
                if (roles.Count > 0)
                {
                    var who = string.Join(", ", roles.Select(Roles.FrenchName));
                    operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? string.Empty : "\n\n")}Réservé à : {who}.";
                    operation.Responses ??= [];
                    operation.Responses["403"] = new OpenApiResponse { Description = $"Réservé à : {who}." };
                }

                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(Money) || context.JsonTypeInfo.Type == typeof(Money?))
                {
                    schema.Type = JsonSchemaType.Object;
                    schema.Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["amount"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = MoneyJsonConverter.AmountPattern, Description = "Montant, point décimal, deux décimales" },
                        ["currency"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Code ISO 4217 (EUR)" },
                    };
                    schema.Required = new HashSet<string> { "amount", "currency" };
                }

                return Task.CompletedTask;
            });
        });
}
