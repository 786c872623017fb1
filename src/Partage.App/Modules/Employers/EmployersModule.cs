using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Employers.Features;
using Partage.App.Security;
using Partage.Persistence;

namespace Partage.App.Modules.Employers;

/// <summary>What other parts of the platform ask of the Employers module.</summary>
public interface IEmployersApi
{
    /// <summary>The employer a platform account acts for (role Employer), if any.</summary>
    Task<EmployerId?> FindEmployerByUserAsync(Guid userId, CancellationToken ct = default);
}

internal sealed class EmployersApi(PartageDbContext db) : IEmployersApi
{
    public async Task<EmployerId?> FindEmployerByUserAsync(Guid userId, CancellationToken ct = default) =>
        await db.Set<EmployerUser>().AsNoTracking().Where(u => u.UserId == userId).Select(u => (EmployerId?)u.EmployerId).SingleOrDefaultAsync(ct);
}

public sealed record LinkUserInput(string? Email);

public sealed record StatusInput(bool Active);

public static class EmployersModule
{
    public static IServiceCollection AddEmployers(this IServiceCollection services) =>
        services.AddScoped<IEmployersApi, EmployersApi>()
            .AddScoped<Features.Employers>();

    public static void MapEmployersEndpoints(RouteGroupBuilder api)
    {
        var employers = api.MapGroup("/employers").WithTags("Gestion de contrats");
        employers.MapGet("/", async (string? search, string? status, string? legalForm, string? sector, int? page, int? size, Features.Employers list, ActorAccessor actors, CancellationToken ct) =>
                await list.ListAsync(search, status, legalForm, sector, new PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("ListEmployers").WithSummary("Les employeurs du service de gestion de contrats (un compte employeur : le sien seulement)").ProducesProblems();
        employers.MapPost("/", async (EmployerInput input, Features.Employers create, ActorAccessor actors, CancellationToken ct) =>
            {
                var employer = await create.CreateAsync(input, await actors.GetAsync(ct), ct);
                return Results.Created($"/api/v1/employers/{employer.Id}", employer);
            })
            .WithName("CreateEmployer").WithSummary("Inscrire un employeur (service paie)").ProducesProblems();
        employers.MapGet("/{id:guid}", async (Guid id, Features.Employers find, ActorAccessor actors, CancellationToken ct) =>
                await find.FindAsync(EmployerId.From(id), await actors.GetAsync(ct), ct))
            .WithName("GetEmployer").WithSummary("Un employeur et l'historique de ses mandats").ProducesProblems();
        employers.MapPut("/{id:guid}", async (Guid id, EmployerInput input, Features.Employers update, ActorAccessor actors, CancellationToken ct) =>
                await update.UpdateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateEmployer").WithSummary("Modifier la fiche d'un employeur (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/status", async (Guid id, StatusInput input, Features.Employers update, ActorAccessor actors, CancellationToken ct) =>
                await update.SetStatusAsync(EmployerId.From(id), input.Active, await actors.GetAsync(ct), ct))
            .WithName("SetEmployerStatus").WithSummary("Rendre un employeur actif ou inactif (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/users", async (Guid id, LinkUserInput input, Features.Employers link, ActorAccessor actors, CancellationToken ct) =>
            {
                await link.LinkUserAsync(EmployerId.From(id), input.Email, await actors.GetAsync(ct), ct);
                return Results.NoContent();
            })
            .WithName("LinkEmployerUser").WithSummary("Un compte au rôle Employeur agit pour cet employeur (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/mandates", async (Guid id, MandateInput input, Features.Employers sign, ActorAccessor actors, CancellationToken ct) =>
                await sign.SignMandateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("SignMandate").WithSummary("Enregistrer un mandat partiel ou complet signé à une date (service paie)").ProducesProblems();
        employers.MapPost("/{id:guid}/mandates/termination", async (Guid id, TerminationInput input, Features.Employers terminate, ActorAccessor actors, CancellationToken ct) =>
                await terminate.TerminateMandateAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct))
            .WithName("TerminateMandate").WithSummary("Résilier le mandat en cours à son dernier jour (par défaut le 31 décembre : pas de renouvellement)").ProducesProblems();
        employers.MapGet("/{id:guid}/mandates/{mandate:guid}.pdf", async (Guid id, Guid mandate, Features.Employers documents, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await documents.MandatePdfAsync(EmployerId.From(id), mandate, await actors.GetAsync(ct), ct);
                return Results.File(content, "application/pdf", name);
            })
            .WithName("MandatePdf").WithSummary("Le mandat en PDF, avec ses périodes").ProducesProblems();
    }
}
