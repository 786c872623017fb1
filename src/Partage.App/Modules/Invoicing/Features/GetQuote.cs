using Partage.App.Infrastructure.Http;
using Partage.App.Security;

namespace Partage.App.Modules.Invoicing.Features;

/// <summary>A quote, if the actor may edit its activity.</summary>
public sealed class GetQuote(QuoteRecords records)
{
    public async Task<QuoteView> HandleAsync(Guid id, Actor actor, CancellationToken ct = default) =>
        await records.ViewAsync(await records.LoadAsync(id, actor, ct), ct);

    public static void Map(RouteGroupBuilder quotes)
    {
        quotes.MapGet("/{id:guid}", async (Guid id, GetQuote handler, ActorAccessor actors, CancellationToken ct) => await handler.HandleAsync(id, await actors.GetAsync(ct), ct))
            .WithName("GetQuote").WithSummary("Un devis").ProducesProblems();
    }
}
