using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Hub.Catalog.V1;
using Hub.Contracts.Values;
using Hub.Gateway.Protection;
using Hub.Gateway.Tests.Fakes;
using Hub.Platform.V1;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using CatalogGrpc = Hub.Catalog.V1.Catalog;

namespace Hub.Gateway.Tests.Protection;

/// <summary>What a gRPC client sees when the gateway itself refuses its call: a gRPC status with the reason, never "Bad gRPC response".</summary>
[Collection(GatewayCollection.Name)]
public sealed class GrpcRefusalTests(GatewayFixture fixture)
{
    private static readonly HubId China = HubId.Parse("CN");

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(10);

    [Fact]
    public async Task GrpcCall_OverTheBodySizeLimit_IsResourceExhaustedWithTheLimit()
    {
        using var channel = fixture.CreateGrpcChannel();
        var request = new ReserveStockRequest { OrderId = "CN-O-000001" };
        request.Lines.Add(new ReservationLine { ProductId = new string('x', (1024 * 1024) + 16), Quantity = 1 });

        var refused = await Should.ThrowAsync<RpcException>(new CatalogGrpc.CatalogClient(channel).ReserveStockAsync(request, deadline: Deadline).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        refused.Status.Detail.ShouldContain("too large");
        refused.Status.Detail.ShouldContain("1048576 bytes");
    }

    [Fact]
    public async Task GrpcRequest_OverTheBodySizeLimit_IsATrailersOnlyAnswer()
    {
        using var client = fixture.CreatePartnerClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hub.catalog.v1.Catalog/ReserveStock")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(new byte[(1024 * 1024) + 1]),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc+proto");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/grpc");
        response.Headers.GetValues("grpc-status").ShouldBe(["8"]);
        response.Headers.GetValues("grpc-message").Single().ShouldStartWith("The request body is too large.");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task GrpcCall_WithAMalformedCorrelationId_IsInvalidArgumentNamingTheHeader()
    {
        using var channel = fixture.CreateGrpcChannel();
        var headers = new Metadata { { "x-correlation-id", "not a well formed id" } };

        var refused = await Should.ThrowAsync<RpcException>(new CatalogGrpc.CatalogClient(channel).ProbeAsync(new ProbeRequest(), headers, Deadline).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Status.Detail.ShouldContain("X-Correlation-Id");
    }

    [Fact]
    public async Task GrpcCall_WronglySigned_IsUnauthenticatedSayingTheSignatureDoesNotMatch()
    {
        using var channel = fixture.CreateGrpcChannel(new SigningHandler(China, "not-the-shared-secret"));

        var refused = await Should.ThrowAsync<RpcException>(new CatalogGrpc.CatalogClient(channel).ProbeAsync(new ProbeRequest(), deadline: Deadline).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        refused.Status.Detail.ShouldContain("the signature does not match");
    }

    [Fact]
    public async Task GrpcCall_WithAStaleTimestamp_IsUnauthenticatedSayingItIsOutsideTheClockSkew()
    {
        using var channel = fixture.CreateGrpcChannel(new SigningHandler(China, GatewayFixture.PartnerSecret, DateTimeOffset.UtcNow.AddMinutes(-10)));

        var refused = await Should.ThrowAsync<RpcException>(new CatalogGrpc.CatalogClient(channel).ProbeAsync(new ProbeRequest(), deadline: Deadline).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        refused.Status.Detail.ShouldContain("outside the allowed clock skew");
    }

    [Fact]
    public async Task GrpcCall_FromAHubNotInTheRegistry_IsUnauthenticatedSayingSo()
    {
        using var channel = fixture.CreateGrpcChannel(new SigningHandler(HubId.Parse("JP"), GatewayFixture.PartnerSecret));

        var refused = await Should.ThrowAsync<RpcException>(new CatalogGrpc.CatalogClient(channel).ProbeAsync(new ProbeRequest(), deadline: Deadline).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        refused.Status.Detail.ShouldContain("not a partner of this hub");
    }

    [Fact]
    public async Task GrpcCall_WithoutCredentials_IsUnauthenticatedWithAMessage()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Gateway.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = fixture.Gateway.Server.CreateHandler() });

        var refused = await Should.ThrowAsync<RpcException>(new CatalogGrpc.CatalogClient(channel).ProbeAsync(new ProbeRequest(), deadline: Deadline).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        refused.Status.Detail.ShouldNotContain("Bad gRPC response");
    }

    [Fact]
    public async Task GrpcCall_ToAMethodWithoutRoute_IsUnimplementedNamingIt()
    {
        using var channel = fixture.CreateGrpcChannel();
        var method = new Method<ProbeRequest, ProbeReply>(MethodType.Unary, "hub.payment.v1.Payment", "SecureFunds",
            Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), ProbeRequest.Parser.ParseFrom),
            Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), ProbeReply.Parser.ParseFrom));

        var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(deadline: Deadline), new ProbeRequest());
        var refused = await Should.ThrowAsync<RpcException>(call.ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.Unimplemented);
        refused.Status.Detail.ShouldContain("/hub.payment.v1.Payment/SecureFunds");
    }

    [Fact]
    public async Task RestRequest_WronglySigned_IsProblemDetailsWithTheReason()
    {
        using var client = fixture.CreatePartnerClient(new SigningHandler(China, "not-the-shared-secret"));

        using var response = await client.GetAsync("/api/catalog/products");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        problem.Detail.ShouldBe("Refused: the signature does not match.");
    }

    [Fact]
    public void EncodeMessage_PercentEncodesUtf8OutsideVisibleAsciiAndThePercentSign()
    {
        GrpcRefusal.EncodeMessage("Zoll 100% ü\n→ ok").ShouldBe("Zoll 100%25 %C3%BC%0A%E2%86%92 ok");
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("Application/GRPC; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void IsGrpc_ByContentType(string? contentType, bool grpc)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = contentType;

        GrpcRefusal.IsGrpc(context.Request).ShouldBe(grpc);
    }
}
