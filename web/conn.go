package web

import (
	"context"
	"errors"
	"time"

	"github.com/coder/websocket"
)

// The session's connection: what the page sends, read within the limits
// on size and rate; what the server sends, each within a time; and pings
// that find a connection gone without a word.

// send writes one message; false (and the session over) when the page
// does not take it in time.
func (ss *session) send(msg []byte) bool {
	ctx, cancel := context.WithTimeout(context.Background(), writeWait)
	defer cancel()
	if err := ss.conn.Write(ctx, websocket.MessageText, msg); err != nil {
		ss.finish("", statusNormal)
		return false
	}
	return true
}

// read takes the page's messages, within the limits on their size and
// rate, until the connection ends.
func (ss *session) read() {
	limit := newBucket(messageRate, messageBurst, time.Now)
	for {
		typ, data, err := ss.conn.Read(context.Background())
		switch {
		case errors.Is(err, websocket.ErrMessageTooBig):
			ss.srv.cfg.Log("a web page from %s sent a message over %d bytes; closed", ss.addr, maxMessage)
			ss.finish("", websocket.StatusMessageTooBig)
			return
		case err != nil:
			ss.finish("", statusNormal) // the page went, or its connection did
			return
		case typ != websocket.MessageText:
			ss.srv.cfg.Log("a web page from %s sent a binary message; closed", ss.addr)
			ss.finish(badWords, statusPolicy)
			return
		case !limit.take():
			ss.srv.cfg.Log("a web page from %s sent more than %d messages a second; closed", ss.addr, messageRate)
			ss.finish(fastWords, statusPolicy)
			return
		}
		msg, err := parseMessage(data)
		if err != nil {
			ss.srv.cfg.Log("a web page from %s sent %v; closed", ss.addr, err)
			ss.finish(badWords, statusPolicy)
			return
		}
		select {
		case ss.msgs <- msg:
		case <-ss.done:
			return
		}
	}
}

// ping asks the page to answer every so often: a tab whose connection
// went without a word (a laptop closed, a phone out of range) is found
// and its seat given back.
func (ss *session) ping() {
	t := time.NewTicker(pingEvery)
	defer t.Stop()
	for {
		select {
		case <-ss.done:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), writeWait)
			err := ss.conn.Ping(ctx)
			cancel()
			if err != nil {
				ss.finish("", statusNormal)
				return
			}
		}
	}
}

// bucket limits a rate: rate tokens a second, at most burst at once.
type bucket struct {
	rate, burst, tokens float64
	last                time.Time
	now                 func() time.Time
}

func newBucket(rate, burst int, now func() time.Time) *bucket {
	return &bucket{rate: float64(rate), burst: float64(burst), tokens: float64(burst), last: now(), now: now}
}

// take spends a token, or says there is none.
func (b *bucket) take() bool {
	now := b.now()
	b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
