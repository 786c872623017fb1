using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Members.Features;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Members;

public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services) =>
        services.AddScoped<IMembersApi, MembersApi>()
            .AddScoped<CreateMember>()
            .AddScoped<UpdateMember>()
            .AddScoped<SearchMembers>()
            .AddScoped<GetMember>();

    public static void MapMembersEndpoints(RouteGroupBuilder api, RouteGroupBuilder anonymousApi)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(anonymousApi);
        var members = api.MapGroup("/members").WithTags("Membres");
        members.MapGet("/", async ([AsParameters] MemberSearch search, SearchMembers handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(search, await actors.GetAsync(ct), ct))
            .WithName("SearchMembers").WithSummary("Liste des membres visibles (recherche, filtres, pagination)")
            .ProducesValidationProblem();
        members.MapGet("/export.csv", async ([AsParameters] MemberSearch search, SearchMembers handler, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=membres.csv";
                await handler.ExportCsvAsync(search, actor, http.Response.Body, ct);
            })
            .WithName("ExportMembers").WithSummary("Export CSV des membres visibles (sans NIR ni IBAN)");
        members.MapGet("/me", async (GetMember handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                return await handler.HandleAsync(actor.MemberId ?? throw new DomainException(MembersErrors.NotFound), actor, ct);
            })
            .WithName("GetMyMemberProfile").WithSummary("Le profil du membre connecté");
        members.MapGet("/{id:guid}", async (Guid id, GetMember handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new MemberId(id), await actors.GetAsync(ct), ct))
            .WithName("GetMember").WithSummary("Un membre");
        members.MapPost("/", async (NewMemberInput input, CreateMember handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var member = await handler.HandleAsync(input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/members/{member.Id}", member);
            })
            .WithName("CreateMember").WithSummary("Créer un membre (administration, gestionnaire de son bureau)")
            .ProducesProblems();
        members.MapPatch("/{id:guid}", async (Guid id, UpdateMemberInput input, UpdateMember handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new MemberId(id), input, await actors.GetAsync(ct), ct))
            .WithName("UpdateMember").WithSummary("Modifier un membre (champs omis inchangés)")
            .ProducesProblems();

        anonymousApi.MapPost("/registrations", async (NewMemberInput input, CreateMember handler, CancellationToken ct) =>
            {
                var member = await handler.HandleAsync(input, Actor.Anonymous, ct);
                return TypedResults.Created($"/api/v1/members/{member.Id}", member);
            })
            .WithTags("Membres").WithName("RegisterMember").WithSummary("Inscription d'un nouveau membre (mot de passe obligatoire)")
            .ProducesProblems();
    }
}
