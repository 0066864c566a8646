import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request does not arrive in time: its head must be complete within
/// `headTimeout` of the connection opening (or of the last response), and its body within
/// `bodyTimeout` of the head. The idle timeout alone cannot do this: a client that trickles a
/// byte every few seconds is never idle, and would hold its connection forever.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    private var deadline: Scheduled<Void>?
    /// Requests whose head arrived and whose response has not ended (pipelined requests queue).
    private var unanswered = 0
    /// Between a request's head and its end: its body deadline runs, even if it was answered early.
    private var readingBody = false

    init(headTimeout: TimeAmount, bodyTimeout: TimeAmount) {
        self.headTimeout = headTimeout
        self.bodyTimeout = bodyTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(headTimeout, context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(headTimeout, context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            readingBody = true
            arm(bodyTimeout, context)
        case .body:
            break
        case .end:
            readingBody = false
            // Complete: answering it takes as long as it takes, unless it was answered already
            // (an early refusal) and the next request's head is due.
            if unanswered == 0 { arm(headTimeout, context) } else { disarm() }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 && !readingBody { arm(headTimeout, context) }
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    private func arm(_ timeout: TimeAmount, _ context: ChannelHandlerContext) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
